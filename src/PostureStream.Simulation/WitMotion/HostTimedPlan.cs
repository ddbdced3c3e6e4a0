using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// The plan to take a WitMotion wearer's ground truth from. The truth counts its durations (the hold before an alert,
/// the reminder interval) on the simulated PSP device's clock, which a plan skews by up to ±5000 ppm — right for a
/// PSP device, whose detector counts on that clock too. A wearer of WitMotion sensors has no PSP device: its samples
/// are timed on the host's clock, which is the true time line. So its truth is taken with the device clock unskewed
/// (every other draw of the seed unchanged): a 10-minute reminder is 10 true minutes, not 600 s × (1 ± skew).
/// </summary>
public static class HostTimedPlan
{
    public static SimulationPlan Create(Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return SimulationPlan.Create(scenario with { Device = scenario.Device with { ClockSkewPpm = 0 } }, seed);
    }
}
