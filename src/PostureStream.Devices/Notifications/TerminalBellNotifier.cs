namespace PostureStream.Devices.Notifications;

/// <summary>
/// Where there is no freedesktop notification server (Windows, macOS, a Linux console): the terminal bell (BEL)
/// and one line with the summary and body on the given writer (stderr by default, so stdout stays JSON when it
/// carries the alerts).
/// </summary>
public sealed class TerminalBellNotifier(TextWriter output) : IDesktopNotifier
{
    public const char Bell = '\a';

    public string Description => "the terminal bell";

    public Task NotifyAsync(DesktopNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (output)
        {
            output.WriteLine($"{Bell}{notification.Summary}: {notification.Body}");
            output.Flush();
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
