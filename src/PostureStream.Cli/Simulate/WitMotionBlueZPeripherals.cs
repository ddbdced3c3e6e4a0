using System.Globalization;
using System.Runtime.Versioning;
using PostureStream.Devices.Ble;
using PostureStream.Devices.Ble.StandIn;
using PostureStream.Simulation;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// <c>simulate --witmotion ble --out bluez:BUS_ADDRESS</c>: the two simulated sensors as WT901BLECL peripherals of the
/// BlueZ stand-in (<see cref="BlueZStandIn"/>) on that bus, which then plays the part of the system bus for
/// <c>run</c>. Prints one source URI per sensor (lumbar, then pelvis), waits until the host has subscribed to both
/// sensors' notifications, then sends each burst of 20-byte packets when the link model says it arrives, as paced by
/// the <see cref="ISimulationPacer"/>. A sensor notifies only while the host is subscribed: what it sends while
/// disconnected (a <see cref="SensorDrop"/>, a reconnect) is lost, as over the air.
/// </summary>
[SupportedOSPlatform("linux")]
public static class WitMotionBlueZPeripherals
{
    /// <summary>Random static addresses (top bits 11), named as WitMotion names its BLE sensors.</summary>
    public static readonly StandInDevice Lumbar = new("C0:57:17:00:00:01", "WT901BLE-sim-lumbar", -52, Profile: WitMotionGatt.Profile);

    public static readonly StandInDevice Pelvis = new("C0:57:17:00:00:02", "WT901BLE-sim-pelvis", -55, Profile: WitMotionGatt.Profile);

    /// <summary>How long the sensors stay connected after the last packet, so the host can take it in.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(2);

    public static async Task ServeAsync(WitMotionSimulation sensors, SimulationPlan plan, string busAddress, ISimulationPacer pacer, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(pacer);
        await using BlueZStandIn standIn = await BlueZStandIn.StartAsync(busAddress, new StandInOptions { Devices = [Lumbar, Pelvis] });
        await stdout.WriteLineAsync($"witmotion-ble:{Lumbar.Address}");
        await stdout.WriteLineAsync($"witmotion-ble:{Pelvis.Address}");
        await stdout.FlushAsync(cancel);
        await stderr.WriteLineAsync($"BlueZ stand-in on {busAddress}: lumbar {Lumbar.Address}, pelvis {Pelvis.Address}; the scenario starts when the host has subscribed to both");
        await Task.WhenAll(standIn.NotificationsStartedOn(Lumbar.Address), standIn.NotificationsStartedOn(Pelvis.Address)).WaitAsync(cancel);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"simulating '{plan.Scenario.Name}' (seed {plan.Seed}) as two WitMotion BLE sensors at {sensors.RateHertz} Hz"));

        var events = new SensorDropSchedule(
            sensors.Drops,
            (sensor, unplug) =>
            {
                string address = sensor == SensorPlacement.Lumbar ? Lumbar.Address : Pelvis.Address;
                if (unplug)
                {
                    standIn.DropConnection(address, outOfRange: true);
                }
                else
                {
                    standIn.ComeBackInRange(address);
                }
            },
            "back in range",
            stderr);
        (WitMotionSensorModel lumbar, WitMotionSensorModel pelvis) = sensors.Models(plan);
        long sent = 0, unheard = 0;
        TimeSpan last = TimeSpan.Zero;
        foreach (WitMotionBurst burst in WitMotionPacketEncoder.Merge(WitMotionPacketEncoder.Bursts(lumbar, WitMotionWireFormat.Ble), WitMotionPacketEncoder.Bursts(pelvis, WitMotionWireFormat.Ble)))
        {
            last = TimeSpan.FromMicroseconds(burst.ArrivalMicroseconds);
            await pacer.WaitUntilAsync(last, sent, () => standIn.AllNotificationsRead, cancel);
            await events.ApplyUntilAsync(last);
            string address = burst.Placement == SensorPlacement.Lumbar ? Lumbar.Address : Pelvis.Address;
            foreach (byte[] packet in burst.Notifications)
            {
                if (standIn.Notify(address, packet))
                {
                    sent++;
                }
                else
                {
                    unheard++;
                }
            }
        }

        await pacer.WaitUntilAsync(last + Linger, sent, () => standIn.AllNotificationsRead, cancel);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sent {sent} notifications over {last.TotalSeconds:F0} s; {unheard} went unheard (the host was not subscribed)"));
    }
}
