using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Vocabulary;

namespace PostureStream.Testing;

/// <summary>
/// A real SQLite store filled with a simulated multi-week wearer (<see cref="WeeksSimulator"/>): the per-minute
/// summaries, bends and standing neutrals as the product stores them, a programme from the profile's start day, and
/// sessions on days 1, 3 and 5 of each programme week at 18:30 (every fourth planned one skipped, so adherence is not
/// perfect). The same profile and seed always give the same store.
/// </summary>
public static class SimulatedProgrammeStore
{
    public const string DeviceName = "physio-demo";
    public const ulong DeviceIdValue = 0x0123456789abcdef;
    public const string DeviceId = "0123456789abcdef";
    public const long ProgrammeId = 1;
    public const string ProgrammeName = "hamstring stretching";

    public static async Task<SimulatedWeeks> WriteAsync(string path, WeeksProfile profile, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var weeks = WeeksSimulator.Generate(profile, seed);
        var device = new DeviceSeries(DeviceName, DeviceIdValue);
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = path });
        foreach (var m in weeks.Minutes)
        {
            store.Write(new PostureSummaryRecord(device, m.StartUtc, m.SecondsNeutral, m.SecondsFlattened, m.SecondsHyperextended, 0,
                m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
                m.MeanPelvicTilt, m.MeanPelvicTilt - 2, m.MeanPelvicTilt + 2, m.MeanLordosisDelta, m.MeanLordosisDelta - 2, m.MeanLordosisDelta + 2, 600, 0));
        }

        foreach (var b in weeks.Bends)
        {
            store.Write(new PostureBendRecord(device, b.TimeUtc, 2, 40, 20, b.LumbarShare, b.LumbarDominant));
        }

        foreach (var n in weeks.Neutrals)
        {
            store.Write(new PostureNeutralRecord(device, n.TimeUtc, Activity.Standing, CalibrationMethod.AfterWalking, n.LumbarPitch, 0, n.PelvisPitch, 0));
        }

        if (profile.ProgrammeStartDay is int start)
        {
            var first = profile.FirstDay.AddDays(start);
            store.Write(new ProgrammeRecord(device, ProgrammeId, ProgrammeName, ExerciseKind.Stretch, "hamstrings,hip flexors", first, null, 3));
            foreach (var session in Sessions(first, profile.Days - start))
            {
                store.Write(new ProgrammeSessionRecord(device, session, ProgrammeId, TimeSpan.FromMinutes(20), null, SessionSource.Cli));
            }
        }

        await store.FlushAsync(cancellationToken);
        return weeks;
    }

    /// <summary>The sessions written for a programme of <paramref name="days"/> days from <paramref name="first"/>.</summary>
    public static IReadOnlyList<DateTime> Sessions(DateOnly first, int days) =>
    [
        .. Enumerable.Range(0, days)
            .Where(d => d % 7 is 0 or 2 or 4)
            .Where((_, i) => i % 4 != 3)
            .Select(d => first.AddDays(d).ToDateTime(new TimeOnly(18, 30), DateTimeKind.Utc)),
    ];
}
