using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Storage.Tests.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Programmes;

/// <summary>Programmes, sessions and neutrals written to each store and read back through <see cref="IProgrammeQueries"/>, alike.</summary>
[Collection(InfluxdCollection.Name)]
public sealed class ProgrammeStoreTests(InfluxdFixture fixture) : IDisposable
{
    private static readonly DateTime T0 = new(2026, 3, 1, 7, 30, 0, DateTimeKind.Utc);
    private static readonly DeviceSeries Anna = new("Anna's belt", 0xa1);
    private static readonly DeviceSeries Ben = new("Ben, lab=2", 0xb2);
    private readonly TempDirectory _dir = new("ps-programmes-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sqlite_ProgrammesSessionsAndNeutrals_ReadBackAsWritten()
    {
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("p.db") }))
        {
            WriteScenario(store);
        }

        await AssertScenarioAsync(SqliteProgrammeQueries.Open(_dir.Sub("p.db")));
    }

    [Fact]
    public async Task Influxd_ProgrammesSessionsAndNeutrals_ReadBackAsWritten()
    {
        await fixture.Server.CreateDatabaseAsync("programmes");
        var target = InfluxTarget.Parse(fixture.Server.StoreUri("v1", "programmes", "ms"), _ => null);
        await using (var writer = new InfluxWriter(target, new InfluxWriterOptions { SpoolDirectory = _dir.Sub("spool") }))
        {
            WriteScenario(writer);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await writer.FlushAsync(deadline.Token);
            Assert.Equal(0, writer.Metrics.LinesDeadLettered);
        }

        using var queries = new InfluxProgrammeQueries(new InfluxQueryClient(target));
        await AssertScenarioAsync(queries);
    }

    /// <summary>A file made before these measurements existed (no tables, no views) gets them when opened; its data stays.</summary>
    [Fact]
    public async Task FileWithoutTheProgrammeTables_GetsThemOnOpen_AndKeepsItsData()
    {
        string path = _dir.Sub("old.db");
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            store.Write(new PostureBendRecord(Anna, T0, 2, 50, 20, 0.7, true));
        }

        using (var connection = SqliteConnections.OpenForWriting(path))
        {
            SqliteConnections.Execute(connection, """
                DROP VIEW posture_neutral; DROP TABLE posture_neutral_rows;
                DROP VIEW programme; DROP TABLE programme_rows;
                DROP VIEW programme_session; DROP TABLE programme_session_rows;
                """);
            Assert.Equal(3, SqliteMigrations.MissingMeasurements(connection).Count);
        }

        // The readers bring it up to date as the writer does.
        var trends = SqliteTrendQueries.Open(path);
        Assert.Single(await trends.BendsAsync(new TrendQuery(T0.AddDays(-1), T0.AddDays(1), null, TimeZoneInfo.Utc), CancellationToken.None));
        using (var connection = SqliteConnections.OpenForReading(path))
        {
            Assert.Empty(SqliteMigrations.MissingMeasurements(connection));
            Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.ReadVersion(connection));
        }

        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            WriteScenario(store);
        }

        await AssertScenarioAsync(SqliteProgrammeQueries.Open(path));
    }

    /// <summary>
    /// Retention keeps programmes and sessions for ever, and the analysis's inputs (summaries, bends, neutrals) of a
    /// programme's wearer from 28 days (plus a day's margin) before its start; raw posture points and other wearers' data go.
    /// </summary>
    [Fact]
    public async Task Retention_KeepsProgrammes_Sessions_AndTheBaselineOfTheirWearer()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow().UtcDateTime;
        var start = DateOnly.FromDateTime(now.AddDays(-60));
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("r.db") }))
        {
            store.Write(new ProgrammeRecord(Anna, 1, "hamstrings", ExerciseKind.Stretch, "hamstrings", start, null, 3));
            store.Write(new ProgrammeSessionRecord(Anna, now.AddDays(-59), 1, TimeSpan.FromMinutes(20), null, SessionSource.Cli));
            store.Write(Summary(Anna, now.AddDays(-100)));                // before the baseline: deleted
            store.Write(Summary(Anna, now.AddDays(-80)));                 // in the baseline: kept
            store.Write(new PostureBendRecord(Anna, now.AddDays(-50), 2, 50, 20, 0.7, true)); // during the programme: kept
            store.Write(Neutral(Anna, now.AddDays(-85)));                 // in the baseline: kept
            store.Write(Neutral(Ben, now.AddDays(-85)));                  // another wearer: deleted
            store.Write(Summary(Ben, now.AddDays(-80)));                  // another wearer: deleted
            store.Write(new PostureRecord(Anna, now.AddDays(-80), 1, 2, 3, 4, 5, 6, 7, Activity.Standing, PostureState.Neutral)); // raw: deleted
        }

        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("r.db"), Retention = TimeSpan.FromDays(7) }, timeProvider: clock))
        {
        }

        var left = (await StoreWriting.ReadAllAsync(SqlitePointSource.Open(_dir.Sub("r.db")), now.AddYears(-1), now))
            .Select(r => (r.Measurement.Name, r.Tags[1], (now - SqliteRowMapper.FromUnixNanoseconds(r.UnixNanoseconds)).Days))
            .Order()
            .ToList();
        Assert.Equal(
            [
                ("posture_bend", Anna.DeviceIdHex, 50),
                ("posture_neutral", Anna.DeviceIdHex, 85),
                ("posture_summary", Anna.DeviceIdHex, 80),
                ("programme", Anna.DeviceIdHex, 60),
                ("programme_session", Anna.DeviceIdHex, 59),
            ],
            left);
        var devices = await SqliteTrendQueries.Open(_dir.Sub("r.db")).ListDevicesAsync(CancellationToken.None);
        Assert.Equal([Anna.DeviceIdHex], devices.Select(d => d.DeviceId));
    }

    private static PostureSummaryRecord Summary(DeviceSeries device, DateTime time) =>
        new(device, time, 60, 0, 0, 0, 60, 0, 0, 0, 0, 1, 0, 2, 0.5, -1, 1, 6000, 0);

    private static PostureNeutralRecord Neutral(DeviceSeries device, DateTime time) =>
        new(device, time, Activity.Standing, CalibrationMethod.Command, -3, 0.25, 12.5, -0.5);

    private static void WriteScenario(IPointStore store)
    {
        var start = DateOnly.FromDateTime(T0);
        store.Write(new ProgrammeRecord(Anna, 1, "Hamstrings, daily \"slow\"", ExerciseKind.Stretch, "hamstrings,hip flexors", start, null, 3));
        store.Write(new ProgrammeRecord(Ben, 2, "Glutes", ExerciseKind.Strengthen, "gluteus maximus", start.AddDays(7), null, 2));
        // Ending a programme writes it again with its end date.
        store.Write(new ProgrammeRecord(Anna, 1, "Hamstrings, daily \"slow\"", ExerciseKind.Stretch, "hamstrings,hip flexors", start, start.AddDays(41), 3));
        store.Write(new ProgrammeSessionRecord(Anna, T0.AddHours(2), 1, TimeSpan.FromMinutes(20), "tight left side", SessionSource.Cli));
        store.Write(new ProgrammeSessionRecord(Anna, T0.AddDays(2), 1, TimeSpan.FromMinutes(15), null, SessionSource.Device));
        store.Write(new ProgrammeSessionRecord(Ben, T0.AddDays(8), 2, TimeSpan.FromSeconds(1500), null, SessionSource.Dashboard));
        store.Write(new PostureNeutralRecord(Anna, T0.AddMinutes(-5), Activity.Standing, CalibrationMethod.AfterWalking, -4.5, 0.25, 11.75, -0.5));
        store.Write(new PostureNeutralRecord(Anna, T0.AddDays(1), Activity.Sitting, CalibrationMethod.Button, -10, 0, -2.5, 0.125));
    }

    private static async Task AssertScenarioAsync(IProgrammeQueries queries)
    {
        var ct = CancellationToken.None;
        var start = DateOnly.FromDateTime(T0);
        var programmes = await queries.ProgrammesAsync(null, ct);
        Assert.Equal(2, programmes.Count);
        var anna = programmes[0];
        Assert.Equal(
            new ProgrammeRow(Anna.DeviceIdHex, Anna.Name, 1, "Hamstrings, daily \"slow\"", ExerciseKind.Stretch, anna.Targets, start, start.AddDays(41), 3),
            anna);
        Assert.Equal(["hamstrings", "hip flexors"], anna.Targets);
        Assert.Equal((2L, ExerciseKind.Strengthen, (DateOnly?)null), (programmes[1].ProgrammeId, programmes[1].Kind, programmes[1].End));
        Assert.Equal([2L], (await queries.ProgrammesAsync(Ben.DeviceIdHex, ct)).Select(p => p.ProgrammeId));

        var range = new TrendQuery(T0.AddDays(-1), T0.AddDays(30), Anna.DeviceIdHex, TimeZoneInfo.Utc);
        var sessions = await queries.SessionsAsync(range, ct);
        Assert.Equal(
            [
                new SessionRow(T0.AddHours(2), Anna.DeviceIdHex, Anna.Name, 1, TimeSpan.FromMinutes(20), "tight left side", SessionSource.Cli),
                new SessionRow(T0.AddDays(2), Anna.DeviceIdHex, Anna.Name, 1, TimeSpan.FromMinutes(15), null, SessionSource.Device),
            ],
            sessions);
        Assert.Equal(3, (await queries.SessionsAsync(range with { DeviceId = null }, ct)).Count);

        var neutrals = await queries.NeutralsAsync(range, ct);
        Assert.Equal(
            [
                new NeutralRow(T0.AddMinutes(-5), Anna.DeviceIdHex, Anna.Name, Activity.Standing, CalibrationMethod.AfterWalking, -4.5, 0.25, 11.75, -0.5),
                new NeutralRow(T0.AddDays(1), Anna.DeviceIdHex, Anna.Name, Activity.Sitting, CalibrationMethod.Button, -10, 0, -2.5, 0.125),
            ],
            neutrals);
    }
}
