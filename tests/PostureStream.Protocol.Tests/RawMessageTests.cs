using System.Buffers;
using System.Text;
using System.Text.Json;
using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

/// <summary>RAW (0x06): byte layout, the full-scale and count checks, allocation-free reading, and its decode JSON.</summary>
public sealed class RawMessageTests
{
    private static readonly RawMessage OneSample = new(SensorMask.Pelvis, 16, 4000,
        [new RawSample(0x04030201, default, new ImuReading(-1, short.MinValue, short.MaxValue, 0x0306, 0x0408, 0x050a))]) { Seq = 0xfffe };

    [Fact]
    public void Encode_OneSample_IsTheSpecLayout()
    {
        byte[] payload = new byte[PspLayout.MaxPayloadLength];
        int n = PspEncoder.WritePayload(payload, OneSample);
        // count, mask, accel_fs 16, gyro_fs 4000 (0x0fa0), tick, 12 zero bytes of lumbar, pelvis ax..gz (the C test's body too)
        Assert.Equal("010210A00F01020304000000000000000000000000FFFF0080FF7F060308040A05", Convert.ToHexString(payload, 0, n));
    }

    [Theory]
    [InlineData(0, 4, 500)]
    [InlineData(9, 4, 500)]
    [InlineData(1, 3, 500)]
    [InlineData(1, 32, 500)]
    [InlineData(1, 4, 300)]
    [InlineData(1, 4, 0)]
    public void Decode_CountOrFullScaleNotListed_IsBadLength(byte count, byte accel, ushort gyro)
    {
        byte[] payload = new byte[PspLayout.MaxPayloadLength];
        int n = PspEncoder.WritePayload(payload, OneSample);
        payload[0] = count;
        payload[2] = accel;
        payload[3] = (byte)gyro;
        payload[4] = (byte)(gyro >> 8);
        int length = Math.Max(n, PspLayout.RawHeaderLength + (Math.Min((int)count, 8) * PspLayout.RawSampleLength));
        byte[] frame = new byte[PspLayout.MaxFrameLength];
        int f = PspEncoder.WriteFrame(frame, (byte)PspMessageType.Raw, 1, payload.AsSpan(0, length));
        var decoder = new PspStreamDecoder();
        ReadOnlySpan<byte> input = frame.AsSpan(0, f);
        Assert.False(decoder.TryDecode(ref input, out _));
        Assert.Equal(1, decoder.Stats.BadLengths);
        Assert.Equal(PspFrameError.BadLength, decoder.LastError);
    }

    [Fact]
    public void Decode_LastSampleShort_IsBadLength()
    {
        byte[] payload = new byte[PspLayout.MaxPayloadLength];
        int n = PspEncoder.WritePayload(payload, OneSample);
        byte[] frame = new byte[PspLayout.MaxFrameLength];
        int f = PspEncoder.WriteFrame(frame, (byte)PspMessageType.Raw, 1, payload.AsSpan(0, n - 1));
        var decoder = new PspStreamDecoder();
        ReadOnlySpan<byte> input = frame.AsSpan(0, f);
        Assert.False(decoder.TryDecode(ref input, out _));
        Assert.Equal(1, decoder.Stats.BadLengths);
    }

    [Fact]
    public void Encode_InvalidFullScaleOrCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PspEncoder.Encode(OneSample with { AccelFullScaleG = 6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PspEncoder.Encode(OneSample with { GyroFullScaleDps = 245 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PspEncoder.Encode(OneSample with { Samples = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PspEncoder.Encode(OneSample with { Samples = new RawSample[9] }));
    }

    [Fact]
    public void Decode_EightSamples_ReadsWithoutAllocating()
    {
        var samples = Enumerable.Range(0, 8).Select(i => new RawSample((uint)i * 10_000, new ImuReading((short)(8192 + i), 1, 2, 3, 4, 5), default)).ToArray();
        byte[] frame = PspEncoder.Encode(new RawMessage(SensorMask.Both, 4, 500, samples));
        Assert.Equal(237, frame.Length);
        var decoder = new PspStreamDecoder();
        long sum = Consume(decoder, frame, 100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += Consume(decoder, frame, 10_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    private static long Consume(PspStreamDecoder decoder, byte[] frame, int times)
    {
        long sum = 0;
        for (int i = 0; i < times; i++)
        {
            ReadOnlySpan<byte> input = frame;
            while (decoder.TryDecode(ref input, out PspFrame f))
            {
                for (int s = 0; s < f.RawSampleCount; s++)
                {
                    sum += f.GetRawSample(s).Lumbar.Ax;
                }
            }
        }

        return sum;
    }

    [Fact]
    public void Json_PrintsPhysicalUnits_AndNullForAMissingImu()
    {
        var raw = new RawMessage(SensorMask.Lumbar, 4, 500,
            [new RawSample(7, new ImuReading(8192, -16384, 0, 66, -32768, 0), default)]) { Seq = 3 };
        var frames = new PspStreamDecoder();
        ReadOnlySpan<byte> input = PspEncoder.Encode(raw);
        Assert.True(frames.TryDecode(ref input, out PspFrame frame));
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            PspJson.Write(json, frame);
        }

        Assert.Equal(
            """{"seq":3,"type":"raw","imuMask":1,"accelFsG":4,"gyroFsDps":500,"samples":[{"tick":7,"lumbar":{"ax":1,"ay":-2,"az":0,"gx":1.007080078125,"gy":-500,"gz":0},"pelvis":null}]}""",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData(1.0, 4, 8192)]
    [InlineData(-1.0, 4, -8192)]
    [InlineData(5.0, 4, short.MaxValue)]
    [InlineData(-5.0, 4, short.MinValue)]
    [InlineData(0.00006, 2, 1)]
    public void ToRaw_RoundsAndSaturates(double physical, double fullScale, short expected) =>
        Assert.Equal(expected, RawFullScale.ToRaw(physical, fullScale));
}
