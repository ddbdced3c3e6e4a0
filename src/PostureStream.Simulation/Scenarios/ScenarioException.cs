namespace PostureStream.Simulation.Scenarios;

/// <summary>A scenario that cannot be simulated: a bad file, an unknown name, an impossible parameter.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ScenarioException()
    {
    }
}
