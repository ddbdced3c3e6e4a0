using PostureStream.Protocol;

namespace PostureStream.Simulation.Scenarios;

/// <summary>Builds a scenario in code, a segment a call, durations in seconds.</summary>
public sealed class ScenarioBuilder
{
    private readonly List<ScenarioSegment> _segments = [];
    private readonly string _name;

    public ScenarioBuilder(string name) => _name = name;

    public TimeSpan Duration => _segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    public ScenarioBuilder Add(SegmentKind kind, double seconds, Func<ScenarioSegment, ScenarioSegment>? configure = null)
    {
        var segment = new ScenarioSegment(kind, TimeSpan.FromSeconds(seconds));
        if (SegmentKinds.IsBend(kind))
        {
            // A bend carries its own down-hold-up envelope; the ramp only bridges a different base.
            segment = segment with { Transition = TimeSpan.FromSeconds(Math.Min(0.5, seconds)) };
        }

        _segments.Add(configure is null ? segment : configure(segment));
        return this;
    }

    public ScenarioBuilder Standing(double seconds, DeviceEventCode? evt = null) => Add(SegmentKind.Standing, seconds, s => s with { Event = evt });

    public ScenarioBuilder Sitting(double seconds, DeviceEventCode? evt = null) => Add(SegmentKind.Sitting, seconds, s => s with { Event = evt });

    public ScenarioBuilder Slumped(double seconds, double? lordosisDelta = null) => Add(SegmentKind.SlumpedSitting, seconds, s => s with { LordosisDeltaDegrees = lordosisDelta });

    public ScenarioBuilder AnteriorTilt(double seconds, double? lordosisDelta = null) => Add(SegmentKind.AnteriorTiltStanding, seconds, s => s with { LordosisDeltaDegrees = lordosisDelta });

    public ScenarioBuilder Walking(double seconds, double? lordosisDelta = null) => Add(SegmentKind.Walking, seconds, s => s with { LordosisDeltaDegrees = lordosisDelta });

    public ScenarioBuilder HipHinge(double seconds = 6) => Add(SegmentKind.HipHingeBend, seconds);

    public ScenarioBuilder LumbarBend(double seconds = 6) => Add(SegmentKind.LumbarBend, seconds);

    public ScenarioBuilder Lying(double seconds) => Add(SegmentKind.Lying, seconds, s => s with { Transition = TimeSpan.FromSeconds(2) });

    public ScenarioBuilder Fidgeting(double seconds, Activity @base = Activity.Sitting) => Add(SegmentKind.Fidgeting, seconds, s => s with { Base = @base });

    public ScenarioBuilder Reaching(double seconds, Activity @base = Activity.Sitting) => Add(SegmentKind.Reaching, seconds, s => s with { Base = @base });

    /// <summary>Changes the segment added last.</summary>
    public ScenarioBuilder With(Func<ScenarioSegment, ScenarioSegment> change)
    {
        _segments[^1] = change(_segments[^1]);
        return this;
    }

    public Scenario Build(string description, DeviceProfile? device = null) =>
        new Scenario(_name, _segments.ToArray()) { Description = description, Device = device ?? new DeviceProfile() }.Validate();
}
