using PostureStream.Devices.Discovery;
using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Links;

/// <summary>
/// <c>serial:auto</c>: on the first connect, probes the ports (<see cref="SerialAutoProbe"/>) and keeps the
/// one that answered (its by-id link when there is one, so a replug into another socket is found again).
/// </summary>
public sealed class AutoSerialConnector : ILinkConnector
{
    private readonly int _baudRate;
    private readonly SerialPortDiscovery _discovery;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly SerialDriver _driver;
    private SerialConnector? _chosen;

    public AutoSerialConnector(int baudRate, SerialPortDiscovery? discovery = null, TimeProvider? time = null, TimeSpan? timeout = null, SerialDriver? driver = null)
    {
        _baudRate = baudRate;
        _driver = driver ?? SerialDrivers.Default;
        _discovery = discovery ?? new SerialPortDiscovery();
        _time = time ?? TimeProvider.System;
        _timeout = timeout ?? SerialAutoProbe.DefaultTimeout;
    }

    public Transport Transport => Transport.Serial;

    public string Description => _chosen?.Description ?? "serial:auto";

    public bool AcceptsCommands => true;

    public bool Reconnects => true;

    public async Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_chosen is null)
        {
            IReadOnlyList<SerialPortInfo> ports = _discovery.FindPorts();
            if (ports.Count == 0)
            {
                throw new SourceOpenException(SourceOpenFailure.NotFound, $"serial:auto: {_discovery.DescribePorts()}");
            }

            ProbeAnswer answer = await SerialAutoProbe.FindAsync(ports, _baudRate, _timeout, _time, cancellationToken, _driver)
                ?? throw new SourceOpenException(
                    SourceOpenFailure.NoDeviceAnswered,
                    $"serial:auto: no device answered IDENTIFY within {_timeout.TotalSeconds:0.#} s at {_baudRate} baud on {string.Join(", ", ports.Select(p => p.DevicePath))}; " +
                    $"give the port as serial:/dev/... (and baud= if the device is not at {BaudRates.Default})");
            _chosen = new SerialConnector(answer.Port.PreferredPath, _baudRate, _discovery, _driver);
        }

        return await _chosen.ConnectAsync(cancellationToken);
    }
}
