using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Private buses that the commands run in process find as the system and session bus, through
/// DBUS_SYSTEM_BUS_ADDRESS and DBUS_SESSION_BUS_ADDRESS, as on a desktop. Tmds.DBus.Protocol reads those variables
/// once per process, so every test's daemon listens at the same path for the life of the test process; a test
/// starts its own daemon there (and stops it), one at a time (<see cref="ProcessState.Collection"/>).
/// </summary>
internal static class ProcessBuses
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"posturestream-cli-tests-{Environment.ProcessId}");

    /// <summary>A daemon that is the system bus for this process (BlueZ's, so the BlueZ stand-in's).</summary>
    public static Task<PrivateBusDaemon> StartSystemAsync() => StartAsync("system", "DBUS_SYSTEM_BUS_ADDRESS");

    /// <summary>A daemon that is the session bus for this process (the desktop's notification server's).</summary>
    public static Task<PrivateBusDaemon> StartSessionAsync() => StartAsync("session", "DBUS_SESSION_BUS_ADDRESS");

    private static async Task<PrivateBusDaemon> StartAsync(string name, string variable)
    {
        PrivateBusDaemon bus = await PrivateBusDaemon.StartAsync(Path.Combine(Root, name));
        Environment.SetEnvironmentVariable(variable, bus.Address);
        return bus;
    }
}
