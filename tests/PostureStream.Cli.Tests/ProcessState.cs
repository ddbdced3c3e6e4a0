namespace PostureStream.Cli.Tests;

/// <summary>Tests that change or read process-wide state (environment variables, Console) run one at a time.</summary>
public static class ProcessState
{
    public const string Collection = "process-wide state";
}
