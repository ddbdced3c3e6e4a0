using System.Text.Json;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Simulation.Tests;

public sealed class GroundTruthTests
{
    private static GroundTruth Truth(Scenario scenario, int seed = 1) => GroundTruth.Compute(SimulationPlan.Create(scenario, seed));

    private static TruthSegment SegmentAt(GroundTruth truth, long us) => truth.Segments.Single(s => us >= s.StartMicroseconds && us < s.EndMicroseconds);

    [Fact]
    public void SustainTest_RaisesExactlyForTheEpisodesOverSixtySeconds()
    {
        GroundTruth truth = Truth(BuiltInScenarios.CreateSustainTest());
        var raised = truth.Alerts.Where(a => a.Phase == "raised").ToList();

        // 65 s slump; 35 + 3 s excursion + 35 (paused, not ended); anterior 40 + walk + 30; anterior 63.
        Assert.Equal(["flattening", "flattening", "hyperextension", "hyperextension"], raised.Select(a => a.Kind));
        Assert.Equal(4, truth.Alerts.Count(a => a.Phase == "cleared"));
        Assert.DoesNotContain(truth.Alerts, a => a.Phase == "reminder");
        Assert.All(raised, a => Assert.Equal(60.0, a.DurationSeconds, 1));
        var segments = raised.Select(a => SegmentAt(truth, a.DeviceMicroseconds).Index).ToList();
        Assert.Equal([4, 8, 17, 21], segments);
    }

    [Fact]
    public void SustainTest_JustUnderSixtySeconds_AndAFourSecondExcursion_AreSubThreshold()
    {
        GroundTruth truth = Truth(BuiltInScenarios.CreateSustainTest());
        var subThreshold = truth.QuietSpans.Where(q => q.Reason == "sub-threshold").ToList();

        // The 55 s slump, both halves of the slump split by 4 s, the 57 s anterior tilt.
        Assert.Equal(4, subThreshold.Count);
        Assert.Equal([2, 10, 12, 19], subThreshold.Select(q => SegmentAt(truth, q.StartMicroseconds + 1_000_000).Index));
    }

    [Fact]
    public void NoRaiseOrReminder_FallsInsideAQuietSpan()
    {
        foreach (string name in new[] { BuiltInScenarios.QuickDemo, BuiltInScenarios.SustainTest })
        {
            GroundTruth truth = Truth(ScenarioCatalog.Resolve(name), 9);
            Assert.Contains(truth.QuietSpans, q => q.Reason == "walking");
            foreach (TruthAlert alert in truth.Alerts.Where(a => a.Phase != "cleared"))
            {
                Assert.DoesNotContain(truth.QuietSpans, q => alert.DeviceMicroseconds >= q.StartMicroseconds && alert.DeviceMicroseconds <= q.EndMicroseconds);
            }
        }
    }

    [Fact]
    public void QuickDemo_HasAFlatteningAndAHyperextensionAlert_EachClearedAfterItsEpisode()
    {
        GroundTruth truth = Truth(BuiltInScenarios.CreateQuickDemo(), 5);

        foreach (string kind in new[] { "flattening", "hyperextension" })
        {
            TruthAlert raised = Assert.Single(truth.Alerts, a => a.Kind == kind && a.Phase == "raised");
            TruthAlert cleared = Assert.Single(truth.Alerts, a => a.Kind == kind && a.Phase == "cleared");
            Assert.True(cleared.DeviceMicroseconds > raised.DeviceMicroseconds);
            Assert.Equal(raised.EpisodeStartMicroseconds, cleared.EpisodeStartMicroseconds);
            Assert.InRange(raised.DeviceMicroseconds - raised.EpisodeStartMicroseconds, 60_000_000, 61_000_000);
        }

        Assert.Equal(2, truth.Bends.Count);
        Assert.Single(truth.Bends, b => b.LumbarDominant);
        Assert.Single(truth.Faults);
    }

    [Fact]
    public void Gaps_PauseAnEpisode_AndAGapOverTenSecondsEndsIt()
    {
        Scenario Build(double dropout) => new ScenarioBuilder("gaps")
            .Standing(10).Sitting(10)
            .Slumped(40, -18)
            .Slumped(80, -18).With(s => s with { Dropout = TimeSpan.FromSeconds(dropout), Transition = TimeSpan.Zero })
            .Sitting(10)
            .Build("gap test", new DeviceProfile { DropoutRate = 0, ClockSkewPpm = 0 });

        GroundTruth shortGap = Truth(Build(5));
        GroundTruth longGap = Truth(Build(12));

        // A 5 s dropout pauses: raised once. 12 s ends the episode at the first sample after it; the rest raises again.
        Assert.Single(shortGap.Alerts, a => a.Phase == "raised");
        TruthAlert raisedAfterShortGap = shortGap.Alerts.Single(a => a.Phase == "raised");
        Assert.InRange(raisedAfterShortGap.DeviceMicroseconds - raisedAfterShortGap.EpisodeStartMicroseconds, 64_000_000, 66_000_000);
        Assert.Contains(longGap.Gaps, g => g.EndMicroseconds - g.StartMicroseconds > 10_000_000);
        Assert.Single(longGap.Alerts, a => a.Phase == "raised");
        Assert.True(longGap.Alerts.Single(a => a.Phase == "raised").EpisodeStartMicroseconds > longGap.Gaps.Max(g => g.StartMicroseconds));
    }

    [Fact]
    public void LongSlump_SendsARemindAfterTenMoreMinutesOfAccumulatedTime()
    {
        Scenario scenario = new ScenarioBuilder("reminder").Sitting(10).Slumped(700, -18).Sitting(10)
            .Build("reminder", new DeviceProfile { DropoutRate = 0 });
        GroundTruth truth = Truth(scenario);

        Assert.Equal(["raised", "reminder", "cleared"], truth.Alerts.Select(a => a.Phase));
        Assert.Equal(660.0, truth.Alerts[1].DurationSeconds, 1);
    }

    [Fact]
    public void SensorFault_PausesAccumulation()
    {
        Scenario scenario = new ScenarioBuilder("fault").Sitting(10)
            .Slumped(40, -18).Slumped(20, -18).With(s => s with { Fault = SensorFault.Pelvis, Transition = TimeSpan.Zero }).Slumped(30, -18).With(s => s with { Transition = TimeSpan.Zero })
            .Sitting(10).Build("fault", new DeviceProfile { DropoutRate = 0, ClockSkewPpm = 0 });
        GroundTruth truth = Truth(scenario);

        TruthAlert raised = Assert.Single(truth.Alerts, a => a.Phase == "raised");
        Assert.InRange(raised.DeviceMicroseconds - raised.EpisodeStartMicroseconds, 79_500_000, 81_000_000);
        Assert.Single(truth.Faults, f => f.Reason == "pelvis");
    }

    [Fact]
    public void TruthFile_IsJsonLines_WithAScenarioHeaderFirst()
    {
        byte[] bytes = TruthWriter.ToArray(Truth(BuiltInScenarios.CreateSustainTest()));
        string[] lines = System.Text.Encoding.UTF8.GetString(bytes).TrimEnd('\n').Split('\n');
        var types = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()).ToList();

        Assert.Equal("scenario", types[0]);
        Assert.Contains("segment", types);
        Assert.Contains("alert", types);
        Assert.Contains("quiet", types);
        using JsonDocument alert = JsonDocument.Parse(lines.First(l => l.Contains("\"alert\"", StringComparison.Ordinal)));
        Assert.Equal(JsonValueKind.Number, alert.RootElement.GetProperty("deviceUs").ValueKind);
        Assert.Equal("raised", alert.RootElement.GetProperty("phase").GetString());
    }
}
