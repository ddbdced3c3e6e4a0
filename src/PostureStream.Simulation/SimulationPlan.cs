using System.Text;
using PostureStream.Protocol;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation;

/// <summary>
/// A scenario with every random choice made for one seed: the wearer's anatomy, each segment's motion,
/// the device's identity, clock skew and start tick. Everything downstream (capture, truth, live
/// device) is computed from a plan, so the same seed gives the same bytes and the same truth.
/// </summary>
public sealed class SimulationPlan
{
    private SimulationPlan(Scenario scenario, int seed)
    {
        Scenario = scenario.Validate();
        Seed = seed;
        Anatomy = WearerAnatomy.Resolve(scenario.Wearer, SeedMixer.Create(seed, SeedMixer.Anatomy));
        var segments = new List<PlannedSegment>();
        TimeSpan start = TimeSpan.Zero;
        for (int i = 0; i < scenario.Segments.Count; i++)
        {
            ScenarioSegment definition = scenario.Segments[i];
            segments.Add(SegmentPlanner.Plan(definition, i, start, Anatomy, SeedMixer.Create(seed, SeedMixer.FirstSegment + i)));
            start += definition.Duration;
        }

        Timeline = new PostureTimeline(segments);
        DeviceProfile device = scenario.Device;
        Random identity = SeedMixer.Create(seed, SeedMixer.Identity);
        ulong drawnId = ((ulong)(uint)identity.Next() << 32) | (uint)identity.Next();
        double drawnSkew = identity.Uniform(-5000, 5000);
        uint drawnStart = (uint)identity.NextInt64(0, 1L << 32);
        DeviceId = device.DeviceId ?? drawnId;
        ClockSkewPpm = device.ClockSkewPpm ?? drawnSkew;
        StartTick = device.StartTick ?? drawnStart;
        DeviceName = device.Name ?? FitName("sim-" + scenario.Name);
    }

    public Scenario Scenario { get; }

    public int Seed { get; }

    public WearerAnatomy Anatomy { get; }

    public PostureTimeline Timeline { get; }

    public IReadOnlyList<PlannedSegment> Segments => Timeline.Segments;

    public DeviceProfile Device => Scenario.Device;

    public ulong DeviceId { get; }

    /// <summary>Device clock rate error, ppm: the device counts (1 + ppm/10⁶) µs of ticks per true µs.</summary>
    public double ClockSkewPpm { get; }

    public uint StartTick { get; }

    public string DeviceName { get; }

    public TimeSpan Duration => Timeline.Duration;

    /// <summary>Device ticks per true second, over 10⁶.</summary>
    public double ClockRate => 1 + (ClockSkewPpm / 1e6);

    /// <summary>How many samples the device takes over the scenario.</summary>
    public long SampleCount => (long)Math.Floor(Duration.TotalSeconds * ClockRate * Device.SampleRateHz);

    public HelloMessage Hello => new(DeviceId, 1, 4, 0, Device.SampleRateHz, SensorMask.Both, DeviceName);

    public static SimulationPlan Create(Scenario scenario, int seed) => new(scenario, seed);

    private static string FitName(string name)
    {
        while (Encoding.UTF8.GetByteCount(name) > PspLayout.MaxNameLength)
        {
            name = name[..^1];
        }

        return name;
    }
}
