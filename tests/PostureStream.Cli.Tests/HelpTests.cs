using System.CommandLine;

namespace PostureStream.Cli.Tests;

/// <summary>What <c>--help</c> shows.</summary>
[Collection(ProcessState.Collection)]
public sealed class HelpTests
{
    public static TheoryData<string> Commands => [.. Program.CreateRootCommand().Subcommands.Select(c => c.Name)];

    /// <summary>Help prints "[default: X]" for an option with a default value; its description must not say it again.</summary>
    [Fact]
    public void OptionsWithADefaultValue_DoNotRepeatItInTheirDescription()
    {
        Option[] repeating = [.. Program.CreateRootCommand().Subcommands
            .SelectMany(c => c.Options)
            .Where(o => o.HasDefaultValue && (o.Description ?? "").Contains("default", StringComparison.OrdinalIgnoreCase))];

        Assert.Empty(repeating.Select(o => $"{o.Name}: {o.Description}"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_ShowsEachDefaultOnce_AndCitesNoDesignDocument(string command)
    {
        int exit;
        string help;
        using (var console = new ConsoleCapture())
        {
            exit = await Program.RunAsync([command, "--help"], CancellationToken.None);
            help = console.Out;
        }

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.DoesNotContain("DESIGN", help, StringComparison.Ordinal);
        Assert.DoesNotContain("§", help, StringComparison.Ordinal);
        foreach (string option in OptionRows(help))
        {
            Assert.True(option.Split("default", StringSplitOptions.None).Length <= 2, $"a default shown twice: {option}");
        }
    }

    /// <summary>The rows of the Options section, each with its wrapped continuation lines joined.</summary>
    private static IEnumerable<string> OptionRows(string help)
    {
        var rows = new List<string>();
        foreach (string line in help[help.IndexOf("Options:", StringComparison.Ordinal)..].Split('\n').Skip(1))
        {
            if (line.StartsWith("  -", StringComparison.Ordinal))
            {
                rows.Add(line.Trim());
            }
            else if (line.StartsWith("   ", StringComparison.Ordinal) && rows.Count > 0)
            {
                rows[^1] += " " + line.Trim();
            }
        }

        return rows;
    }
}
