namespace PostureStream.Devices.Notifications;

/// <summary>Picks the notifier for this machine.</summary>
public static class DesktopNotifiers
{
    /// <summary>
    /// Linux with a session bus: freedesktop notifications. Elsewhere, or with no session bus: the terminal bell on
    /// <paramref name="fallback"/>. <paramref name="sessionBusAddress"/> overrides DBUS_SESSION_BUS_ADDRESS.
    /// </summary>
    public static IDesktopNotifier ForThisMachine(TextWriter fallback, string? sessionBusAddress = null)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return new FreedesktopNotifier(sessionBusAddress);
            }
            catch (DesktopNotificationException)
            {
                // No desktop session (a Pi over ssh): the bell still reaches the terminal.
            }
        }

        return new TerminalBellNotifier(fallback);
    }
}
