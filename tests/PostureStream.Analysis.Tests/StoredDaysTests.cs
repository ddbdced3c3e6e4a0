using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Testing;

namespace PostureStream.Analysis.Tests;

public sealed class StoredDaysTests
{
    [Fact]
    public async Task ReadAsync_SimulatedWeekWrittenToSqlite_GivesTheSameDaysAsTheSimulation()
    {
        var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = WearerType.Mixed, Days = 4, WearingHours = 3 }, 6);
        var device = new DeviceSeries("physio-demo", 0x0123456789abcdef);
        using var folder = new TempDirectory("posturestream-analysis-");
        string path = folder.Sub("weeks.db");
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            foreach (var m in weeks.Minutes)
            {
                store.Write(new PostureSummaryRecord(device, m.StartUtc, m.SecondsNeutral, m.SecondsFlattened, m.SecondsHyperextended, 0,
                    m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
                    m.MeanPelvicTilt, m.MeanPelvicTilt, m.MeanPelvicTilt, m.MeanLordosisDelta, m.MeanLordosisDelta, m.MeanLordosisDelta, 600, 0));
            }

            foreach (var b in weeks.Bends)
            {
                store.Write(new PostureBendRecord(device, b.TimeUtc, 2, 40, 20, b.LumbarShare, b.LumbarDominant));
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await store.FlushAsync(deadline.Token);
        }

        var neutrals = weeks.Neutrals.Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitch, n.Lordosis)).ToList();
        var query = new TrendQuery(weeks.Minutes[0].StartUtc.Date, weeks.Minutes[^1].StartUtc.Date.AddDays(1), null, TimeZoneInfo.Utc);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var stored = await StoredDays.ReadAsync(SqliteTrendQueries.Open(path), query, neutrals, timeout.Token);
        var simulated = SimulatedDays.Of(weeks);

        Assert.Equal(simulated.Count, stored.Count);
        for (int i = 0; i < stored.Count; i++)
        {
            Assert.Equal(simulated[i].Sitting.Minutes, stored[i].Sitting.Minutes);
            Assert.Equal(simulated[i].Sitting.SecondsFlattened, stored[i].Sitting.SecondsFlattened, 6);
            Assert.Equal(simulated[i].Standing.SecondsHyperextended, stored[i].Standing.SecondsHyperextended, 6);
            Assert.Equal(simulated[i].Standing.MeanLordosisDeltaDegrees, stored[i].Standing.MeanLordosisDeltaDegrees, 3);
            Assert.Equal(simulated[i].LumbarDominantBends, stored[i].LumbarDominantBends);
            Assert.Equal(simulated[i].StandingNeutralPelvisPitchDegrees, stored[i].StandingNeutralPelvisPitchDegrees);
        }
    }
}
