namespace PostureStream.Simulation.Scenarios;

/// <summary>A named sequence of segments for one wearer and one device.</summary>
public sealed record Scenario(string Name, IReadOnlyList<ScenarioSegment> Segments)
{
    public string Description { get; init; } = "";

    public WearerProfile Wearer { get; init; } = new();

    public DeviceProfile Device { get; init; } = new();

    public TimeSpan Duration => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary>Throws <see cref="ScenarioException"/> naming the first thing that is wrong.</summary>
    public Scenario Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ScenarioException("a scenario needs a name");
        }

        if (Segments.Count == 0)
        {
            throw new ScenarioException($"scenario '{Name}' has no segments");
        }

        for (int i = 0; i < Segments.Count; i++)
        {
            Segments[i].Validate(i);
        }

        Wearer.Validate();
        Device.Validate();
        return this;
    }
}
