using PostureStream.Devices.Notifications;
using PostureStream.Devices.Tests.Ble;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests.Notifications;

public sealed class DesktopNotifierTests
{
    [Fact]
    public async Task Notify_ReachesTheServer_WithTheSpecSignature_AndReplacesPerKey()
    {
        await using PrivateBusDaemon bus = await PrivateBusDaemon.StartAsync();
        await using NotificationServerStandIn server = await Wait.For(NotificationServerStandIn.StartAsync(bus.Address));
        await using var notifier = new FreedesktopNotifier(bus.Address);

        await Wait.For(notifier.NotifyAsync(new DesktopNotification("alice", "Posture: flattened back", "sitting, 60 s, −12.0°", Urgent: true), CancellationToken.None));
        await Wait.For(notifier.NotifyAsync(new DesktopNotification("bob", "Posture: arched back", "standing", Urgent: false), CancellationToken.None));
        await Wait.For(notifier.NotifyAsync(new DesktopNotification("alice", "Posture: still flattened", "reminder"), CancellationToken.None));

        var first = await Wait.For(server.Calls.ReadAsync().AsTask());
        var second = await Wait.For(server.Calls.ReadAsync().AsTask());
        var third = await Wait.For(server.Calls.ReadAsync().AsTask());
        Assert.Equal(("PostureStream", 0u, "Posture: flattened back", "sitting, 60 s, −12.0°", -1), (first.AppName, first.ReplacesId, first.Summary, first.Body, first.ExpireTimeout));
        Assert.Equal((byte)2, first.Hints["urgency"].GetByte());
        Assert.Equal((byte)1, second.Hints["urgency"].GetByte());
        Assert.Empty(first.Actions);
        Assert.Equal(0u, second.ReplacesId);
        Assert.NotEqual(first.AnsweredId, second.AnsweredId);
        Assert.Equal(first.AnsweredId, third.ReplacesId); // alice's reminder replaces alice's raise on screen
    }

    [Fact]
    public async Task Notify_WithoutAServer_SaysWhatIsMissing()
    {
        await using PrivateBusDaemon bus = await PrivateBusDaemon.StartAsync();
        await using var notifier = new FreedesktopNotifier(bus.Address);
        var e = await Assert.ThrowsAsync<DesktopNotificationException>(() => Wait.For(notifier.NotifyAsync(new DesktopNotification("a", "s", "b"), CancellationToken.None)));
        Assert.Contains("notification server", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalBell_RingsAndSaysTheAlert()
    {
        var output = new StringWriter();
        await using var bell = new TerminalBellNotifier(output);
        await bell.NotifyAsync(new DesktopNotification("a", "Posture: flattened back", "sitting"), CancellationToken.None);
        Assert.Equal("\aPosture: flattened back: sitting" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void ForThisMachine_WithoutASessionBus_FallsBackToTheBell()
    {
        string? saved = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        Environment.SetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS", null);
        try
        {
            Assert.IsType<TerminalBellNotifier>(DesktopNotifiers.ForThisMachine(TextWriter.Null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS", saved);
        }

        Assert.IsType<FreedesktopNotifier>(DesktopNotifiers.ForThisMachine(TextWriter.Null, "unix:path=/nonexistent"));
    }
}
