using PostureStream.Devices.Ble;
using PostureStream.Devices.Links;
using PostureStream.Devices.Sources;

namespace PostureStream.Cli.Run;

/// <summary>The link factory of <c>run</c>: serial, tcp and file built in, plus the simulator and BLE.</summary>
internal static class SourceConnectors
{
    public static DeviceLinkFactory CreateFactory(TimeProvider time) =>
        new DeviceLinkFactory(time)
            .Register(Transport.Sim, spec => new SimulatorConnector(spec))
            .Register(Transport.Ble, spec => Ble(spec, time));

    /// <summary>BLE goes through BlueZ over D-Bus, which only Linux has.</summary>
    private static ILinkConnector Ble(SourceSpec spec, TimeProvider time) =>
        OperatingSystem.IsLinux()
            ? new BleLinkConnector(BleLinkOptions.FromSource(spec.Uri) with { TimeProvider = time })
            : throw new SourceOpenException(SourceOpenFailure.Other, $"'{spec.Uri}': BLE sources need BlueZ, which only Linux has; on this platform connect the sensor by USB (serial:) or through a Linux gateway (tcp://)");
}
