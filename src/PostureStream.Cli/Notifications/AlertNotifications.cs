using System.Globalization;
using PostureStream.Devices.Notifications;
using PostureStream.Signals.Detection;

namespace PostureStream.Cli.Notifications;

/// <summary>
/// <c>--notify</c>: alerts for wearers whose sensors cannot buzz (WitMotion sensors) become desktop notifications
/// (freedesktop, or the terminal bell where there is none). Exactly the alerts that would buzz are shown — raised
/// and reminders the alert-fatigue rules let through (at most N per hour, none in quiet hours, none while snoozed;
/// the detector decides that in <see cref="AlertEvent.Buzzed"/>) — so a notification is never more insistent than
/// a buzz. A failure to show one is reported once as a warning; alerts are recorded anyway.
/// </summary>
internal sealed class AlertNotifications(IDesktopNotifier notifier, Action<string> warn) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task _last = Task.CompletedTask;
    private bool _warned;

    public string Description => notifier.Description;

    /// <summary>Freedesktop notifications on Linux with a session bus, else the terminal bell on stderr.</summary>
    public static AlertNotifications ForThisMachine(Run.RunReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        IDesktopNotifier notifier = DesktopNotifiers.ForThisMachine(Console.Error);
        reporter.Info($"alerts that would buzz are shown as {notifier.Description}");
        return new AlertNotifications(notifier, reporter.Warn);
    }

    /// <summary>The notification for an alert, or null when it would not buzz.</summary>
    public static DesktopNotification? For(in AlertEvent alert)
    {
        if (!alert.Buzzed || alert.Phase == AlertPhase.Cleared)
        {
            return null;
        }

        string what = alert.Kind switch
        {
            AlertKind.Flattening => "lower back flattened",
            AlertKind.Hyperextension => "lower back over-arched",
        };
        string again = alert.Phase == AlertPhase.Reminder ? "still " : "";
        string body = string.Create(
            CultureInfo.InvariantCulture,
            $"{alert.Device.Name}: {again}{what} for {alert.DurationSeconds:0} s while {VocabularyText.ToText(alert.Activity)} (peak {alert.PeakDeltaDegrees:+0.0;-0.0}° from your neutral)");
        return new DesktopNotification(alert.Device.IdHex, $"Posture: {again}{what}", body, Urgent: alert.Phase == AlertPhase.Reminder);
    }

    /// <summary>Shows the alert if it buzzes; never blocks the pipeline (notifications are sent in order, one at a time).</summary>
    public void Write(in AlertEvent alert)
    {
        if (For(alert) is not { } notification)
        {
            return;
        }

        lock (_gate)
        {
            _last = _last.ContinueWith(_ => ShowAsync(notification), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task last;
        lock (_gate)
        {
            last = _last;
        }

        await last;
        await notifier.DisposeAsync();
    }

    private async Task ShowAsync(DesktopNotification notification)
    {
        try
        {
            await notifier.NotifyAsync(notification, CancellationToken.None);
        }
        catch (DesktopNotificationException e)
        {
            if (!_warned)
            {
                _warned = true;
                warn(e.Message);
            }
        }
    }
}
