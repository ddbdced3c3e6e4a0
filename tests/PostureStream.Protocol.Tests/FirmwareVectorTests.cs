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
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepoPaths.Combine("firmware-protocol", "vectors"), "*.hex").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

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
    public void MessageVectors_AreWhatThisEncoderWrites()
    {
        // Every single-message vector the C encoder wrote must be byte-identical to our encoding of its decode.
        int compared = 0;
        foreach (string name in Vectors().Select(row => (string)row[0]))
        {
            byte[] input = CanonicalText.ReadHex(VectorPath(name, ".hex"));
            var decoder = new PspStreamDecoder();
            ReadOnlySpan<byte> span = input;
            if (!decoder.TryDecode(ref span, out PspFrame frame) || !span.IsEmpty)
            {
                continue; // not a single-message vector
            }

            int payloadLength = frame.Payload.Length;
            PspMessage message = frame.ToMessage();
            if (PspEncoder.WritePayload(new byte[PspLayout.MaxPayloadLength], message) != payloadLength)
            {
                continue; // trailing payload bytes of newer firmware: ours is shorter by design
            }

            Assert.Equal(Convert.ToHexString(input), Convert.ToHexString(PspEncoder.Encode(message)));
            compared++;
        }

        Assert.True(compared >= 9, $"only {compared} single-message vectors compared");
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
