using PostureStream.Protocol;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Simulation.Tests;

/// <summary>
/// The truth a WitMotion wearer is scored against counts on the host's clock. Regression: `quality --profile witmotion`
/// reported reminders up to +3.04 s late on office-day seed 3, whose PSP device clock runs 3280 ppm fast — the truth's
/// 10-minute reminder was 600 device-seconds, 598 true seconds, while the wearer path counts true seconds.
/// </summary>
public sealed class HostTimedPlanTests
{
    private static readonly Scenario OfficeDay = CalibrationRoutine.Prepend(ScenarioCatalog.Resolve(BuiltInScenarios.OfficeDay));

    /// <summary>One slump long enough for a reminder; seed 3 draws the same device clock as office-day seed 3.</summary>
    private static readonly Scenario OneReminder = new ScenarioBuilder("one-reminder")
        .Standing(30, DeviceEventCode.CalibrateRequest)
        .Sitting(30, DeviceEventCode.CalibrateRequest)
        .Slumped(720)
        .Sitting(60)
        .Build("a slump with one reminder");

    [Fact]
    public void Seed3_ReminderIsTenTrueMinutesAfterItsAlert()
    {
        SimulationPlan skewed = SimulationPlan.Create(OneReminder, 3);
        Assert.True(skewed.ClockSkewPpm > 3000, $"the seed that showed it: {skewed.ClockSkewPpm:F0} ppm");
        double DeviceSecondsToReminder(SimulationPlan plan)
        {
            var alerts = GroundTruth.Compute(plan).Alerts.Where(a => a.Kind == "flattening").ToList();
            long raised = alerts.Single(a => a.Phase == "raised").DeviceMicroseconds;
            long reminder = alerts.Single(a => a.Phase == "reminder").DeviceMicroseconds;
            return (reminder - raised) / 1e6;
        }

        // The truth counts the slump's seconds on the device clock: the same count either way...
        double onSkewedClock = DeviceSecondsToReminder(skewed);
        SimulationPlan plan = HostTimedPlan.Create(OneReminder, 3);
        Assert.Equal(0, plan.ClockSkewPpm);
        double onHostClock = DeviceSecondsToReminder(plan);
        Assert.Equal(onSkewedClock, onHostClock, 0.05);

        // ...but on the skewed clock those were 2 s fewer true seconds, which the wearer path (timed by the host) counts.
        Assert.True(onHostClock - (onSkewedClock / skewed.ClockRate) > 1.5);
    }

    [Fact]
    public void OnlyTheDeviceClockChanges_EveryOtherDrawIsTheSeeds()
    {
        SimulationPlan skewed = SimulationPlan.Create(OfficeDay, 3);
        SimulationPlan plan = HostTimedPlan.Create(OfficeDay, 3);
        Assert.Equal((skewed.DeviceId, skewed.StartTick, skewed.Duration), (plan.DeviceId, plan.StartTick, plan.Duration));
        Assert.Equal(skewed.Anatomy, plan.Anatomy);
        Assert.Equal(
            new WitMotionSensorModel(skewed, SensorPlacement.Lumbar).Readings().Take(2000),
            new WitMotionSensorModel(plan, SensorPlacement.Lumbar).Readings().Take(2000));
    }
}
