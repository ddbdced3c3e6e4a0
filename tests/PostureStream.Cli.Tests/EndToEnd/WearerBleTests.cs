using System.Threading.Channels;
using PostureStream.Cli.Commands;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Cli.Simulate;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>run --wearer</c> over BLE, end to end: <c>simulate --witmotion ble --out bluez:…</c> serves the two sensors as
/// peripherals of the BlueZ stand-in on a private dbus-daemon (the system bus for run), a second private bus carries
/// the notification server stand-in (the session bus), and run takes both from DBUS_SYSTEM_BUS_ADDRESS and
/// DBUS_SESSION_BUS_ADDRESS as it would on a desktop (<see cref="ProcessBuses"/>). The simulation is paced by a virtual clock run shares
/// (<see cref="LockstepPacer"/>), so the ten minutes of quick-demo take seconds and the detector's durations still
/// hold: its alerts are compared with the truth as for the capture replay.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerBleTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-wearer-ble-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TwoBleSensors_AlertsMatchTheTruth_NotifyTheDesktop_AndAnUnpluggedPelvisIsAGapForItsSegmentOnly()
    {
        await using PrivateBusDaemon systemBus = await ProcessBuses.StartSystemAsync();
        await using PrivateBusDaemon sessionBus = await ProcessBuses.StartSessionAsync();
        await using NotificationServerStandIn desktop = await NotificationServerStandIn.StartAsync(sessionBus.Address).WaitAsync(Timeout);
        await WitMotionLockstepRun.RunAndCheckAsync(
            "ble",
            "bluez:" + systemBus.Address,
            new LockstepClock(),
            desktop,
            _dir,
            Timeout,
            (lumbar, pelvis) => Assert.StartsWith("witmotion-ble:", lumbar, StringComparison.Ordinal));
    }
}
