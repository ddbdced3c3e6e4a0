using PostureStream.Cli;
using PostureStream.Cli.Commands;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

public sealed class DecodeCommandTests
{
    private static string Capture(string name) => RepoPaths.Combine("tests", "PostureStream.Cli.Tests", "Captures", name);

    [Fact]
    public async Task Decode_Capture_MatchesGoldenJsonLines()
    {
        using var output = new MemoryStream();
        using var errors = new StringWriter();
        int exit = await DecodeCommand.RunAsync(Capture("sample.psp"), output, errors, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, exit);
        string expected = await File.ReadAllTextAsync(Capture("sample.expected.jsonl"));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Contains("frames=7 ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("crc_errors=1 ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("lost_device=2 ", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_RawVector_PrintsRawObjectsInPhysicalUnits()
    {
        // The shared RAW vector, as the bytes a capture would hold.
        string hex = string.Concat(File.ReadLines(RepoPaths.Combine("firmware-protocol", "vectors", "raw.hex"))
            .Select(line => line.Split('#')[0]).SelectMany(line => line.Where(c => !char.IsWhiteSpace(c))));
        string path = Path.Combine(Path.GetTempPath(), $"raw-{Environment.ProcessId}-{Guid.NewGuid():n}.psp");
        await File.WriteAllBytesAsync(path, Convert.FromHexString(hex));
        try
        {
            using var output = new MemoryStream();
            using var errors = new StringWriter();
            Assert.Equal(ExitCodes.Ok, await DecodeCommand.RunAsync(path, output, errors, CancellationToken.None));
            string[] lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(6, lines.Length);
            Assert.All(lines, line => Assert.Contains("\"type\":\"raw\"", line, StringComparison.Ordinal));
            Assert.StartsWith(
                """{"seq":12,"type":"raw","imuMask":3,"accelFsG":4,"gyroFsDps":500,"samples":[{"tick":2000000,"lumbar":{"ax":1,"ay":-0.0146484375,"az":0.050048828125,"gx":-0.1068115234375,"gy":1.007080078125,"gz":-0.0457763671875},"pelvis":{"ax":0.9832763671875,""",
                lines[0], StringComparison.Ordinal);
            Assert.Contains("\"pelvis\":null", lines[2], StringComparison.Ordinal); // seq 14: the pelvis IMU did not answer
            Assert.Contains("frames=6 ", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Decode_MissingFile_NamesItAndExitsWithUsageCode()
    {
        using var output = new MemoryStream();
        using var errors = new StringWriter();
        string missing = Path.Combine(Path.GetTempPath(), "no-such-capture.psp");
        int exit = await DecodeCommand.RunAsync(missing, output, errors, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(missing, errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Main_UnknownCommand_ExitsWithUsageCode() =>
        Assert.Equal(ExitCodes.Usage, await Program.Main(["decod"]));
}
