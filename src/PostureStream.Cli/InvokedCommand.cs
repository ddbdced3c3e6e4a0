namespace PostureStream.Cli;

/// <summary>
/// The command the user typed, for messages printed by code that several commands share (<c>calibrate</c>
/// runs the same host as <c>run</c>, and its errors must still say "posturestream calibrate:").
/// </summary>
internal static class InvokedCommand
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>"posturestream NAME", for the start of a message; "posturestream run" outside any invocation.</summary>
    public static string Prefix => "posturestream " + (Current.Value ?? "run");

    /// <summary>Sets the name for the rest of the calling async flow (it does not leak back to the caller).</summary>
    public static void Set(string name) => Current.Value = name;
}
