namespace PostureStream.Dashboard.Live;

/// <summary>The answer to a calibrate or snooze request, shown to the wearer as it is.</summary>
public sealed record CommandResult(bool Accepted, string Message)
{
    public static CommandResult Done(string message) => new(true, message);

    public static CommandResult Refused(string message) => new(false, message);
}
