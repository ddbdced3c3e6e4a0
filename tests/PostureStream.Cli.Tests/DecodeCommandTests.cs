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
