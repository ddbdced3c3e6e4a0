using PostureStream.Simulation.Weeks;

namespace PostureStream.Cli.Tests;

/// <summary><c>simulate-weeks</c> fills a real store with a simulated wearer's weeks, programme and sessions, as the analysis reads them.</summary>
[Collection(ProcessState.Collection)]
public sealed class SimulateWeeksCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-weeks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SixWeeks_WriteSummariesNeutralsProgrammeAndTheSimulatedSessions()
    {
        string db = Path.Combine(_dir, "weeks.db");
        int exit;
        string output;
        using (var console = new ConsoleCapture())
        {
            exit = await Program.Main(["simulate-weeks", "--pattern", "tight-hamstring", "--weeks", "6", "--programme-effect", "3", "--seed", "4", "--store", "sqlite:" + db]);
            output = console.Out;
        }

        Assert.Equal(ExitCodes.Ok, exit);
        var profile = new WeeksProfile { Type = WearerType.TightHamstring, ProgrammeStartDay = 14, EffectDegrees = 3, RampDays = 14 };
        var weeks = WeeksSimulator.Generate(profile, 4);
        var sessions = new SessionPlan().Generate(profile, 4);
        Assert.NotEmpty(sessions);
        Assert.Equal(weeks.Minutes.Count, SqliteQuery.Scalar(db, "SELECT count(*) FROM posture_summary"));
        Assert.Equal(weeks.Bends.Count, SqliteQuery.Scalar(db, "SELECT count(*) FROM posture_bend"));
        Assert.Equal(weeks.Neutrals.Count, SqliteQuery.Scalar(db, "SELECT count(*) FROM posture_neutral WHERE activity = 'standing'"));
        Assert.Equal(42L, SqliteQuery.Scalar(db, "SELECT count(*) FROM posture_neutral WHERE method = 'command'"));
        Assert.Equal(1L, SqliteQuery.Scalar(db, "SELECT count(*) FROM programme WHERE programme_id = 1 AND kind = 'stretch' AND start_date = '2026-03-15' AND end_date = '2026-04-11' AND sessions_per_week = 3"));
        Assert.Equal(sessions.Count, SqliteQuery.Scalar(db, "SELECT count(*) FROM programme_session WHERE programme_id = 1 AND source = 'device'"));
        Assert.Contains("truth: pattern flattening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pattern", "slouchy", "--pattern 'slouchy' is not valid; use tight-hamstring, weak-hamstring, mixed, balanced")]
    [InlineData("--programme-day", "60", "--programme-day 60 is not valid; give 0 to 41")]
    [InlineData("--adherence", "1.5", "--adherence 1.5 is not valid; give 0 to 1")]
    public async Task BadValue_IsExit2_NamingIt(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--pattern"] = "mixed", ["--store"] = "sqlite:" + Path.Combine(_dir, "x.db") };
        args[option] = value;
        using var console = new ConsoleCapture();
        Assert.Equal(ExitCodes.Usage, await Program.Main(["simulate-weeks", .. args.SelectMany(a => new[] { a.Key, a.Value })]));
        Assert.Contains("posturestream simulate-weeks: " + message, console.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }
}
