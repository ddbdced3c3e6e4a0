namespace PostureStream.Cli.Tests;

/// <summary><c>programme add|list|end</c> and <c>session add</c> against a real SQLite store: what they record, and the errors for bad input.</summary>
[Collection(ProcessState.Collection)]
public sealed class ProgrammeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-programme-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "p.db");

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new ConsoleCapture();
        int exit = await Program.Main([.. args, "--store", "sqlite:" + Db, "--tz", "UTC"]);
        return (exit, console.Out, console.Error);
    }

    private Task<(int Exit, string Out, string Error)> AddAsync(params string[] overrides)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--device"] = "00000000cafe0005", ["--name"] = "hamstring stretches", ["--kind"] = "stretch",
            ["--targets"] = "hamstrings, hip flexors", ["--start"] = "2026-03-01", ["--per-week"] = "3",
        };
        for (int i = 0; i < overrides.Length; i += 2)
        {
            options[overrides[i]] = overrides[i + 1];
        }

        return RunAsync(["programme", "add", .. options.SelectMany(o => new[] { o.Key, o.Value })]);
    }

    [Fact]
    public async Task AddListEnd_AndSessions_AreStored_AndListedBack()
    {
        var added = await AddAsync();
        Assert.Equal(ExitCodes.Ok, added.Exit);
        Assert.Contains("programme 1 added: \"hamstring stretches\" — stretch hamstrings, hip flexors — 00000000cafe0005 — from 2026-03-01, open — 3 sessions a week", added.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await AddAsync("--name", "glute bridges", "--kind", "strengthen", "--targets", "gluteus maximus", "--start", "2026-03-08", "--end", "2026-04-05", "--per-week", "2")).Exit);

        var session = await RunAsync("session", "add", "--programme", "1", "--at", "2026-03-03T18:30", "--duration", "1h5m", "--note", "left side tight");
        Assert.Equal(ExitCodes.Ok, session.Exit);
        Assert.Contains("session recorded: programme 1, 2026-03-03 18:30 (UTC), 65 min, \"left side tight\"", session.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("session", "add", "--programme", "2", "--at", "2026-03-09T07:00:00+01:00", "--duration", "20")).Exit);

        var ended = await RunAsync("programme", "end", "--programme", "1", "--end", "2026-03-28");
        Assert.Equal(ExitCodes.Ok, ended.Exit);

        var list = await RunAsync("programme", "list");
        Assert.Equal(ExitCodes.Ok, list.Exit);
        Assert.Equal(
            [
                "1  \"hamstring stretches\" — stretch hamstrings, hip flexors — 00000000cafe0005 — 2026-03-01 to 2026-03-28 — 3 sessions a week",
                "2  \"glute bridges\" — strengthen gluteus maximus — 00000000cafe0005 — 2026-03-08 to 2026-04-05 — 2 sessions a week",
            ],
            list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(1L, SqliteQuery.Scalar(Db, "SELECT count(*) FROM programme WHERE programme_id = 1 AND end_date = '2026-03-28' AND kind = 'stretch' AND targets = 'hamstrings,hip flexors'"));
        Assert.Equal(3900L, SqliteQuery.Scalar(Db, "SELECT CAST(duration_s AS INTEGER) FROM programme_session WHERE programme_id = 1 AND source = 'cli' AND note = 'left side tight'"));
        long at = new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        Assert.Equal(at, SqliteQuery.Scalar(Db, "SELECT time_ns FROM programme_session WHERE programme_id = 2"));
    }

    [Theory]
    [InlineData("--kind", "stretching", "--kind 'stretching' is not valid; use release, stretch or strengthen")]
    [InlineData("--start", "1.3.2026", "--start '1.3.2026' is not a date; give yyyy-MM-dd, e.g. 2026-03-01")]
    [InlineData("--end", "2026-02-01", "--end 2026-02-01 is before --start 2026-03-01")]
    [InlineData("--per-week", "99", "--per-week 99 is not valid; give the planned sessions per week, 0 to 50")]
    [InlineData("--device", "Anna", "--device 'Anna' is neither a device in the store nor a device id (1–16 hex digits); the store has no device yet")]
    [InlineData("--targets", "hamstrings,,calves", "target muscles 'hamstrings,,calves' are not valid")]
    public async Task Add_BadValue_IsExit2_NamingItAndWhatIsValid(string option, string value, string message)
    {
        var (exit, _, error) = await AddAsync(option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("posturestream programme: " + message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_SameDeviceKindAndStart_IsRefused_RatherThanOverwritten()
    {
        Assert.Equal(ExitCodes.Ok, (await AddAsync()).Exit);
        var (exit, _, error) = await AddAsync("--name", "other");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("already has a stretch programme starting 2026-03-01 (programme 1, \"hamstring stretches\")", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", "--duration", "20m", "there is no programme 7; recorded: 1 (\"hamstring stretches\", 00000000cafe0005)")]
    [InlineData("1", "--duration", "twenty", "--duration 'twenty' is not a duration; give 20m, 1h30m, 90s or a number of minutes such as 20")]
    [InlineData("1", "--duration", "13h", "a session of 13:00:00 is not valid")]
    [InlineData("1", "--at", "2026-02-20T10:00", "programme 1 runs 2026-03-01 to (open); a session on 2026-02-20 is outside it")]
    [InlineData("1", "--at", "yesterday", "--at: 'yesterday' is not a date or time")]
    public async Task SessionAdd_BadValue_IsExit2_NamingIt(string programme, string option, string value, string message)
    {
        Assert.Equal(ExitCodes.Ok, (await AddAsync()).Exit);
        string[] args = option == "--duration"
            ? ["session", "add", "--programme", programme, "--at", "2026-03-02T10:00", option, value]
            : ["session", "add", "--programme", programme, "--duration", "20m", option, value];

        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("posturestream session: " + message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MissingStoreFile_IsExit2_NamingIt()
    {
        var (exit, _, error) = await RunAsync("programme", "list");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"no such file '{Db}'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }
}
