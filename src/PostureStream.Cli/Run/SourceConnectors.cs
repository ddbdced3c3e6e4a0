using PostureStream.Devices.Ble;
using PostureStream.Devices.Sources;

namespace PostureStream.Cli.Run;

/// <summary>The link factory of <c>run</c>: serial, tcp and file built in, plus the simulator and BLE.</summary>
internal static class SourceConnectors
{
    public static DeviceLinkFactory CreateFactory(TimeProvider time) =>
        new DeviceLinkFactory(time)
            .Register(SourceKind.Simulator, spec => new SimulatorConnector(spec))
            .Register(SourceKind.Ble, spec => new BleLinkConnector(BleLinkOptions.FromSource(spec.Uri) with { TimeProvider = time }));
}
