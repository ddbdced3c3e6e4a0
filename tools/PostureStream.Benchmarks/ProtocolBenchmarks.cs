using BenchmarkDotNet.Attributes;
using PostureStream.Protocol;

namespace PostureStream.Benchmarks;

/// <summary>
/// Decoding a stream of SAMPLES frames (16 samples each) as the link delivers it, in 4 KiB reads.
/// Throughput in MB/s and frames/s follows from the mean time per operation and the stream size.
/// </summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private const int FrameCount = 10_000;
    private byte[] _stream = [];

    public static int StreamBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var frames = new List<byte>();
        var random = new Random(42);
        for (int f = 0; f < FrameCount; f++)
        {
            var samples = new Sample[16];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = new Sample((uint)((f * 16) + i) * 10_000, (short)random.Next(-3000, 3000), (short)random.Next(-500, 500), (short)random.Next(-3000, 3000), (short)random.Next(-500, 500));
            }

            frames.AddRange(PspEncoder.Encode(new SamplesMessage(samples) { Seq = (ushort)f }));
        }

        _stream = [.. frames];
        StreamBytes = _stream.Length;
    }

    /// <summary>Decodes 10,000 frames (160,000 samples) and reads every sample.</summary>
    [Benchmark(OperationsPerInvoke = FrameCount)]
    public long DecodeFrame()
    {
        var decoder = new PspStreamDecoder();
        long sum = 0;
        for (int at = 0; at < _stream.Length; at += 4096)
        {
            ReadOnlySpan<byte> chunk = _stream.AsSpan(at, Math.Min(4096, _stream.Length - at));
            while (decoder.TryDecode(ref chunk, out PspFrame frame))
            {
                for (int i = 0; i < frame.SampleCount; i++)
                {
                    sum += frame.GetSample(i).PelvisPitchCentiDegrees;
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public int EncodeSamplesFrame()
    {
        Span<byte> frame = stackalloc byte[PspLayout.MaxFrameLength];
        Span<byte> payload = stackalloc byte[PspLayout.MaxPayloadLength];
        Span<Sample> samples = stackalloc Sample[16];
        int length = PspEncoder.WriteSamplesPayload(payload, samples);
        return PspEncoder.WriteFrame(frame, (byte)PspMessageType.Samples, 1, payload[..length]);
    }
}
