using PostureStream.Cli.Notifications;
using PostureStream.Devices.Notifications;
using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Cli.Tests.Notifications;

/// <summary><c>--notify</c>: exactly the alerts that would buzz become notifications, with words a wearer understands.</summary>
public sealed class AlertNotificationsTests
{
    private static readonly DeviceIdentity Alice = new(0xA11CE, "alice");

    private static AlertEvent Alert(AlertPhase phase, bool buzzed, AlertKind kind = AlertKind.Flattening) => new(
        Alice, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), 60_000_000, kind, phase,
        new DateTime(2026, 3, 1, 8, 59, 0, DateTimeKind.Utc), 0, TimeSpan.FromSeconds(60), -12.34, Activity.Sitting, buzzed);

    [Fact]
    public async Task OnlyAlertsThatBuzz_AreShown_InOrder()
    {
        var output = new StringWriter();
        var warnings = new List<string>();
        var notifications = new AlertNotifications(new TerminalBellNotifier(output), warnings.Add);

        notifications.Write(Alert(AlertPhase.Raised, buzzed: true));
        notifications.Write(Alert(AlertPhase.Reminder, buzzed: false)); // over the hourly limit, quiet hours or snoozed
        notifications.Write(Alert(AlertPhase.Cleared, buzzed: false));
        notifications.Write(Alert(AlertPhase.Reminder, buzzed: true, AlertKind.Hyperextension));
        await notifications.DisposeAsync();

        Assert.Equal(
            "\aPosture: lower back flattened: alice: lower back flattened for 60 s while sitting (peak -12.3° from your neutral)" + Environment.NewLine +
            "\aPosture: still lower back over-arched: alice: still lower back over-arched for 60 s while sitting (peak -12.3° from your neutral)" + Environment.NewLine,
            output.ToString());
        Assert.Empty(warnings);
    }

    [Fact]
    public void Notification_IsKeyedByDevice_AndRemindersAreUrgent()
    {
        DesktopNotification raised = AlertNotifications.For(Alert(AlertPhase.Raised, buzzed: true))!;
        DesktopNotification reminder = AlertNotifications.For(Alert(AlertPhase.Reminder, buzzed: true))!;
        Assert.Equal((Alice.IdHex, false), (raised.Key, raised.Urgent));
        Assert.Equal((Alice.IdHex, true), (reminder.Key, reminder.Urgent));
        Assert.Null(AlertNotifications.For(Alert(AlertPhase.Cleared, buzzed: true)));
    }

    [Fact]
    public async Task AFailingNotifier_WarnsOnce()
    {
        var warnings = new List<string>();
        var notifications = new AlertNotifications(new FreedesktopNotifier("unix:path=/nonexistent/bus"), warnings.Add);
        notifications.Write(Alert(AlertPhase.Raised, buzzed: true));
        notifications.Write(Alert(AlertPhase.Reminder, buzzed: true));
        await notifications.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("notification server", Assert.Single(warnings), StringComparison.Ordinal);
    }
}
