using System.Diagnostics;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Protocol.Tests;

/// <summary>
/// The shared vectors of firmware-protocol/vectors: the C reference and this codec must decode them
/// byte for byte the same, and each side must decode what the other encodes.
/// </summary>
public sealed class FirmwareVectorTests
{
    private static string[] VectorNames() =>
        Directory.GetFiles(RepoPaths.Combine("firmware-protocol", "vectors"), "*.hex")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToArray()!;

    public static TheoryData<string> Vectors() => new(VectorNames());

    private static string VectorPath(string name, string extension) => RepoPaths.Combine("firmware-protocol", "vectors", name + extension);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_DecodesAsExpected(string name)
    {
        byte[] input = CanonicalText.ReadHex(VectorPath(name, ".hex"));
        string expected = File.ReadAllText(VectorPath(name, ".expected"));
        Assert.Equal(expected, CanonicalText.Decode(input));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_DecodesTheSameAtEveryChunkSize(string name)
    {
        byte[] input = CanonicalText.ReadHex(VectorPath(name, ".hex"));
        string whole = CanonicalText.Decode(input);
        foreach (int chunk in new[] { 1, 2, 3, 7, 64 })
        {
            var decoder = new PspStreamDecoder();
            int frames = 0;
            for (int at = 0; at < input.Length; at += chunk)
            {
                ReadOnlySpan<byte> part = input.AsSpan(at, Math.Min(chunk, input.Length - at));
                while (decoder.TryDecode(ref part, out _))
                {
                    frames++;
                }
            }

            Assert.Contains($"counts frames={frames} ", whole, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CleanVectors_AreWhatThisEncoderWrites()
    {
        // Every vector of well-formed frames that the C encoder wrote must be byte-identical to our encoding of its decode.
        int compared = 0;
        foreach (string name in VectorNames())
        {
            byte[] input = CanonicalText.ReadHex(VectorPath(name, ".hex"));
            var decoder = new PspStreamDecoder();
            var ours = new List<byte>();
            bool trailingPayload = false;
            ReadOnlySpan<byte> span = input;
            while (decoder.TryDecode(ref span, out PspFrame frame))
            {
                PspMessage message = frame.ToMessage();
                trailingPayload |= PspEncoder.WritePayload(new byte[PspLayout.MaxPayloadLength], message) != frame.Payload.Length;
                ours.AddRange(PspEncoder.Encode(message));
            }

            if (trailingPayload || decoder.Stats with { Frames = 0, Bytes = 0, LostDeviceFrames = 0, LostHostFrames = 0, DeviceSeqResets = 0, HostSeqResets = 0 } != default)
            {
                continue; // errors or newer-firmware fields: not a clean encoding to compare
            }

            Assert.Equal(Convert.ToHexString(input), Convert.ToHexString(ours.ToArray()));
            compared++;
        }

        Assert.True(compared >= 12, $"only {compared} clean vectors compared");
    }

    [Fact]
    public void CDecoder_ReadsWhatThisEncoderWrites()
    {
        string dump = Environment.GetEnvironmentVariable("PSP_DUMP") ?? RepoPaths.Combine("build", "firmware-protocol", "psp_dump");
        Assert.True(File.Exists(dump), $"the C tool psp_dump is not built at {dump}: run tools/test.sh (it builds firmware-protocol first)");
        byte[] stream = MessageSamples.All.SelectMany(PspEncoder.Encode).ToArray();
        string file = Path.Combine(Path.GetTempPath(), $"psp-csharp-{Environment.ProcessId}.bin");
        File.WriteAllBytes(file, stream);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(dump, file) { RedirectStandardOutput = true })!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(CanonicalText.Decode(stream), output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
