using PostureStream.Protocol;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Tests;

public sealed class ScenarioFileTests
{
    private const string Example = """
        {
          "name": "my-afternoon",
          "description": "a slump, a walk, a bend",
          "wearer": { "standingPelvisPitch": 12, "sittingLordosisDrop": 12 },
          "device": { "sampleRateHz": 104, "samplesPerFrame": 8, "clockSkewPpm": 3000, "startTick": 4294000000,
                      "dropoutRate": 0, "deviceId": "00000000cafe0001", "name": "desk" },
          "segments": [
            { "kind": "standing", "seconds": 20, "event": "calibrate" },
            { "kind": "sitting", "seconds": 20, "event": "calibrate" },
            { "kind": "slumped-sitting", "seconds": 90, "lordosisDelta": -17, "transitionSeconds": 2 },
            { "kind": "walking", "seconds": 30, "cadenceHz": 1.9, "dropoutSeconds": 1 },
            { "kind": "lumbar-bend", "seconds": 6 },
            { "kind": "fidgeting", "seconds": 20, "base": "standing", "fault": "pelvis" },
            { "kind": "standing", "seconds": 10, "event": "snooze" }
          ]
        }
        """;

    [Fact]
    public void Parse_ReadsEveryField()
    {
        Scenario scenario = ScenarioFile.Parse(Example);

        Assert.Equal("my-afternoon", scenario.Name);
        Assert.Equal(12, scenario.Wearer.StandingPelvisPitchDegrees);
        Assert.Equal(104, scenario.Device.SampleRateHz);
        Assert.Equal(8, scenario.Device.SamplesPerFrame);
        Assert.Equal(4294000000u, scenario.Device.StartTick);
        Assert.Equal(0xcafe0001UL, scenario.Device.DeviceId);
        Assert.Equal(7, scenario.Segments.Count);
        Assert.Equal(SegmentKind.SlumpedSitting, scenario.Segments[2].Kind);
        Assert.Equal(-17, scenario.Segments[2].LordosisDeltaDegrees);
        Assert.Equal(TimeSpan.FromSeconds(2), scenario.Segments[2].Transition);
        Assert.Equal(TimeSpan.FromSeconds(1), scenario.Segments[3].Dropout);
        Assert.Equal(Activity.Standing, scenario.Segments[5].Base);
        Assert.Equal(SensorFault.Pelvis, scenario.Segments[5].Fault);
        Assert.Equal(DeviceEventCode.SnoozeRequest, scenario.Segments[6].Event);
    }

    [Fact]
    public void FileScenario_SimulatesAt104Hz_WithItsOwnIdentity()
    {
        SimulationPlan plan = SimulationPlan.Create(ScenarioFile.Parse(Example), 1);
        var decoded = CaptureDecoding.Decode(CaptureWriter.ToArray(plan));

        var hello = Assert.IsType<HelloMessage>(decoded.Messages[0]);
        Assert.Equal("desk", hello.Name);
        Assert.Equal(104, hello.SampleRateHz);
        Assert.Equal(0, decoded.Errors);
        Assert.All(decoded.Messages.OfType<SamplesMessage>(), m => Assert.InRange(m.Samples.Length, 1, 8));
    }

    [Theory]
    [InlineData("""{ "segments": [ { "kind": "slouching", "seconds": 5 } ] }""", "unknown kind 'slouching'")]
    [InlineData("""{ "segments": [ { "kind": "standing" } ] }""", "needs \"seconds\"")]
    [InlineData("""{ "segments": [ { "kind": "standing", "seconds": 5, "colour": 1 } ] }""", "unknown property \"colour\"")]
    [InlineData("""{ "segments": [ { "kind": "standing", "seconds": 5, "event": "dance" } ] }""", "unknown event 'dance'")]
    [InlineData("""{ "segments": [] }""", "no segments")]
    [InlineData("""{ "segments": [ { "kind": "standing", "seconds": 5 } ], "device": { "samplesPerFrame": 17 } }""", "samplesPerFrame")]
    [InlineData("not json", "not valid JSON")]
    public void Parse_RejectsBadScenarios_NamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownName_ListsTheBuiltInScenarios()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Resolve("no-such-scenario"));
        Assert.Contains("quick-demo, office-day, sustain-test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfficeDay_LastsEightHours_WithRemindersForTheLongSlumps()
    {
        Scenario day = ScenarioCatalog.Resolve(BuiltInScenarios.OfficeDay);
        Assert.InRange(day.Duration.TotalHours, 7.95, 8.05);
        var truth = Truth.GroundTruth.Compute(SimulationPlan.Create(day, 1));
        Assert.Contains(truth.Alerts, a => a.Phase == "reminder" && a.Kind == "flattening");
        Assert.Contains(truth.Alerts, a => a.Phase == "raised" && a.Kind == "hyperextension");
    }
}
