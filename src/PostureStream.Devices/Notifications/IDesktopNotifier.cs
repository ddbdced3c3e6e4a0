namespace PostureStream.Devices.Notifications;

/// <summary>Shows alerts to a wearer whose sensors cannot buzz: a desktop notification, or the terminal bell.</summary>
public interface IDesktopNotifier : IAsyncDisposable
{
    /// <summary>What the user is told this notifier is, e.g. "desktop notifications (org.freedesktop.Notifications)".</summary>
    string Description { get; }

    /// <summary>Shows <paramref name="notification"/>; throws <see cref="DesktopNotificationException"/> when it cannot.</summary>
    Task NotifyAsync(DesktopNotification notification, CancellationToken cancellationToken);
}

/// <summary>A notification could not be shown (no session bus, no notification server); the message says why.</summary>
public sealed class DesktopNotificationException : Exception
{
    public DesktopNotificationException()
    {
    }

    public DesktopNotificationException(string message)
        : base(message)
    {
    }

    public DesktopNotificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
