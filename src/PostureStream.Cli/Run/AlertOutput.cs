using PostureStream.Cli.Notifications;
using PostureStream.Signals.Detection;
using PostureStream.Storage.Files;

namespace PostureStream.Cli.Run;

/// <summary>
/// Where alerts go besides storage: the alerts JSON Lines file (or stdout) shared by every device (README, using it
/// <c>--alerts-out</c>), and with <c>--notify</c> desktop notifications (<see cref="AlertNotifications"/>).
/// </summary>
internal sealed class AlertOutput : IDisposable
{
    private readonly AlertJsonLinesWriter? _writer;
    private readonly AlertNotifications? _notifications;
    private readonly Lock _gate = new();

    private AlertOutput(AlertJsonLinesWriter? writer, AlertNotifications? notifications)
    {
        _writer = writer;
        _notifications = notifications;
    }

    public static AlertOutput? Open(string? target, AlertNotifications? notifications = null)
    {
        if (target is null)
        {
            return notifications is null ? null : new AlertOutput(null, notifications);
        }

        if (target == "-")
        {
            return new AlertOutput(new AlertJsonLinesWriter(Console.OpenStandardOutput(), leaveOpen: false), notifications);
        }

        // Alerts are health data: a new file is 0600 and a new folder 0700, whatever the umask.
        string? directory = Path.GetDirectoryName(Path.GetFullPath(target));
        if (directory is not null)
        {
            PrivatePaths.CreateFolder(directory);
        }

        return new AlertOutput(new AlertJsonLinesWriter(PrivatePaths.OpenAppend(target), leaveOpen: false), notifications);
    }

    public void Write(in AlertEvent alert)
    {
        _notifications?.Write(in alert);
        if (_writer is null)
        {
            return;
        }

        lock (_gate)
        {
            _writer.Write(in alert);
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _notifications?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
