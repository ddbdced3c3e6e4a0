using PostureStream.Protocol;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Simulation.Tests;

public sealed class CaptureTests
{
    private static SimulationPlan Plan(string name, int seed) => SimulationPlan.Create(ScenarioCatalog.Resolve(name), seed);

    [Theory]
    [InlineData(BuiltInScenarios.QuickDemo)]
    [InlineData(BuiltInScenarios.SustainTest)]
    public void SameSeed_GivesByteIdenticalCaptureAndTruth(string name)
    {
        Assert.Equal(CaptureWriter.ToArray(Plan(name, 42)), CaptureWriter.ToArray(Plan(name, 42)));
        Assert.Equal(TruthWriter.ToArray(GroundTruth.Compute(Plan(name, 42))), TruthWriter.ToArray(GroundTruth.Compute(Plan(name, 42))));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentCapturesAndTruth()
    {
        Assert.NotEqual(CaptureWriter.ToArray(Plan(BuiltInScenarios.QuickDemo, 1)), CaptureWriter.ToArray(Plan(BuiltInScenarios.QuickDemo, 2)));
        Assert.NotEqual(
            TruthWriter.ToArray(GroundTruth.Compute(Plan(BuiltInScenarios.QuickDemo, 1))),
            TruthWriter.ToArray(GroundTruth.Compute(Plan(BuiltInScenarios.QuickDemo, 2))));
    }

    [Fact]
    public void Capture_DecodesWithZeroErrors_AndLosesExactlyTheFramesTheTruthCounts()
    {
        SimulationPlan plan = Plan(BuiltInScenarios.QuickDemo, 3);
        var decoded = CaptureDecoding.Decode(CaptureWriter.ToArray(plan));
        GroundTruth truth = GroundTruth.Compute(plan);

        Assert.Equal(0, decoded.Errors);
        Assert.Equal(0, decoded.Stats.DeviceSeqResets);
        Assert.Equal(truth.FramesLost, decoded.Stats.LostDeviceFrames);
        Assert.True(truth.FramesLost > 0, "quick-demo has a link dropout");
        Assert.Equal(truth.SamplesReceived, decoded.UnwrappedSamples().LongCount());
    }

    [Fact]
    public void Capture_StartsWithHello_ThenStatus_AndSendsStatusAboutEveryTenSeconds()
    {
        SimulationPlan plan = Plan(BuiltInScenarios.QuickDemo, 4);
        var decoded = CaptureDecoding.Decode(CaptureWriter.ToArray(plan));

        var hello = Assert.IsType<HelloMessage>(decoded.Messages[0]);
        Assert.Equal(plan.DeviceId, hello.DeviceId);
        Assert.Equal(100, hello.SampleRateHz);
        Assert.Equal(SensorMask.Both, hello.Sensors);
        Assert.Equal("sim-quick-demo", hello.Name);
        Assert.IsType<StatusMessage>(decoded.Messages[1]);
        var statuses = decoded.Messages.OfType<StatusMessage>().ToList();
        Assert.InRange(statuses.Count, 55, 65);
        Assert.True(statuses[^1].BatteryPercent < statuses[0].BatteryPercent, "the battery drains");
        Assert.Contains(statuses, s => s.Flags.HasFlag(StatusFlags.LumbarFault));
    }

    [Fact]
    public void QuickDemo_TickWrapsPastTwoToThe32_AndUnwrapsMonotonically()
    {
        var decoded = CaptureDecoding.Decode(CaptureWriter.ToArray(Plan(BuiltInScenarios.QuickDemo, 5)));
        var samples = decoded.UnwrappedSamples().ToList();

        Assert.Contains(samples, s => s.Sample.TickMicroseconds < 1_000_000_000);
        Assert.True(samples[^1].Us > uint.MaxValue);
        Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.InRange(pair.Second.Us - pair.First.Us, 9_900, 2_000_000));
    }

    [Fact]
    public void QuickDemo_SendsCalibrateAndSnoozeEvents_AndFaultyLumbarReadingsAreNotAvailable()
    {
        var decoded = CaptureDecoding.Decode(CaptureWriter.ToArray(Plan(BuiltInScenarios.QuickDemo, 6)));
        var events = decoded.Messages.OfType<EventMessage>().Select(e => e.Code).ToList();

        Assert.Equal(2, events.Count(c => c == DeviceEventCode.CalibrateRequest));
        Assert.Single(events, DeviceEventCode.SnoozeRequest);
        Assert.Contains(decoded.UnwrappedSamples(), s => s.Sample.LumbarPitchCentiDegrees == Sample.NotAvailable && s.Sample.PelvisPitchCentiDegrees != Sample.NotAvailable);
    }

    [Fact]
    public void CorruptionRate_MakesTheDecoderCountErrors_WithoutThrowing()
    {
        Scenario scenario = ScenarioCatalog.Resolve(BuiltInScenarios.SustainTest);
        scenario = scenario with { Device = scenario.Device with { CorruptionRate = 0.001 } };
        var decoded = CaptureDecoding.Decode(CaptureWriter.ToArray(SimulationPlan.Create(scenario, 1)));

        Assert.True(decoded.Stats.CrcErrors + decoded.Stats.CobsErrors > 10);
        Assert.True(decoded.Messages.Count > 1000);
    }

    [Fact]
    public void ClockSkew_StretchesDeviceTimeAgainstTrueTime()
    {
        Scenario scenario = ScenarioCatalog.Resolve(BuiltInScenarios.SustainTest);
        Scenario fast = scenario with { Device = scenario.Device with { ClockSkewPpm = 5000, TickJitterMicroseconds = 0, DropoutRate = 0 } };
        var samples = CaptureDecoding.Decode(CaptureWriter.ToArray(SimulationPlan.Create(fast, 1))).UnwrappedSamples().ToList();

        double deviceSeconds = (samples[^1].Us - samples[0].Us) / 1e6;
        Assert.InRange(deviceSeconds, (scenario.Duration.TotalSeconds * 1.005) - 0.02, scenario.Duration.TotalSeconds * 1.005);
    }
}
