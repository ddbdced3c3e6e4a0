using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Testing;
using PostureStream.Vocabulary;

namespace PostureStream.Analysis.Tests;

/// <summary>Programmes, sessions and the standing-neutral history read back from a real store into the analysis: callers pass a store, not lists.</summary>
public sealed class StoredProgrammesTests : IDisposable
{
    private static readonly DeviceSeries Device = new("physio-demo", 0x0123456789abcdef);
    private readonly TempDirectory _folder = new("posturestream-programmes-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_TakesTheStandingNeutralsFromTheStore_AsTheSimulationTookThem()
    {
        var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = WearerType.TightHamstring, Days = 5, WearingHours = 3 }, 11);
        string path = _folder.Sub("weeks.db");
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            foreach (var m in weeks.Minutes)
            {
                store.Write(new PostureSummaryRecord(Device, m.StartUtc, m.SecondsNeutral, m.SecondsFlattened, m.SecondsHyperextended, 0,
                    m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
                    m.MeanPelvicTilt, m.MeanPelvicTilt, m.MeanPelvicTilt, m.MeanLordosisDelta, m.MeanLordosisDelta, m.MeanLordosisDelta, 600, 0));
            }

            foreach (var n in weeks.Neutrals)
            {
                store.Write(new PostureNeutralRecord(Device, n.TimeUtc, Activity.Standing, CalibrationMethod.Command, n.LumbarPitch, double.NaN, n.PelvisPitch, double.NaN));
            }

            // A sitting neutral is not a standing inclination: it must not enter the series.
            store.Write(new PostureNeutralRecord(Device, weeks.Neutrals[0].TimeUtc.AddHours(1), Activity.Sitting, CalibrationMethod.Button, -40, 0, -5, 0));
        }

        var query = new TrendQuery(weeks.Minutes[0].StartUtc.Date, weeks.Minutes[^1].StartUtc.Date.AddDays(1), null, TimeZoneInfo.Utc);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stored = await StoredDays.ReadAsync(SqliteTrendQueries.Open(path), SqliteProgrammeQueries.Open(path), query, timeout.Token);
        var simulated = SimulatedDays.Of(weeks);

        Assert.Equal(5, stored.Count);
        for (int i = 0; i < stored.Count; i++)
        {
            Assert.Equal(simulated[i].StandingNeutralPelvisPitchDegrees, stored[i].StandingNeutralPelvisPitchDegrees);
        }

        var neutrals = await StoredProgrammes.StandingNeutralsAsync(SqliteProgrammeQueries.Open(path), query, timeout.Token);
        Assert.Equal(weeks.Neutrals.Count, neutrals.Count);
        Assert.Equal(weeks.Neutrals[0].Lordosis, neutrals[0].LordosisDegrees, 9);
    }

    [Fact]
    public async Task Programmes_AndWeeklyAdherence_ComeFromTheStoredSessions_OfThatProgrammeOnly()
    {
        string path = _folder.Sub("programmes.db");
        var start = new DateOnly(2026, 3, 4);
        DateTime At(int day) => new DateTime(2026, 3, 4, 18, 0, 0, DateTimeKind.Utc).AddDays(day);
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            store.Write(new ProgrammeRecord(Device, 1, "hamstring stretches", ExerciseKind.Stretch, "hamstrings,hip flexors", start, null, 3));
            store.Write(new ProgrammeRecord(Device, 2, "glute bridges", ExerciseKind.Strengthen, "gluteus maximus", start, null, 2));
            foreach (int day in new[] { 0, 2, 5, 7, 9 })
            {
                store.Write(new ProgrammeSessionRecord(Device, At(day), 1, TimeSpan.FromMinutes(20), null, SessionSource.Cli));
            }

            store.Write(new ProgrammeSessionRecord(Device, At(1), 2, TimeSpan.FromMinutes(15), null, SessionSource.Device));
        }

        var queries = SqliteProgrammeQueries.Open(path);
        var programmes = await StoredProgrammes.ReadAsync(queries, Device.DeviceIdHex, CancellationToken.None);
        Assert.Equal(
            [(1L, "hamstring stretches", ProgrammeKind.Stretch), (2L, "glute bridges", ProgrammeKind.Strengthen)],
            programmes.Select(p => (p.Id, p.Name, p.Kind)));
        Assert.Equal(["hamstrings", "hip flexors"], programmes[0].TargetMuscles);

        var today = new DateOnly(2026, 3, 14);
        var stretching = await StoredProgrammes.AdherenceAsync(queries, programmes[0], today, TimeZoneInfo.Utc, CancellationToken.None);
        Assert.Equal([(1, 3, 3), (2, 2, 2)], stretching.Select(w => (w.Week, w.Done, w.Planned)));
        var glutes = await StoredProgrammes.AdherenceAsync(queries, programmes[1], today, TimeZoneInfo.Utc, CancellationToken.None);
        Assert.Equal([(1, 1, 2), (2, 0, 1)], glutes.Select(w => (w.Week, w.Done, w.Planned)));
    }
}
