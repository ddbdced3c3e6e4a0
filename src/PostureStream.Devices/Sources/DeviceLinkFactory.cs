using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Sources;

/// <summary>
/// Makes the connector for a parsed source. serial:, tcp: and file: are built in; sim: and ble: are
/// registered by the projects that implement them (<see cref="Register"/>). A <c>record=</c> parameter wraps
/// the connector in a <see cref="RecordingConnector"/>.
/// </summary>
public sealed class DeviceLinkFactory
{
    private readonly Dictionary<Transport, Func<SourceSpec, ILinkConnector>> _extensions = [];
    private readonly TimeProvider _time;
    private readonly SerialPortDiscovery _discovery;

    public DeviceLinkFactory(TimeProvider? time = null, SerialPortDiscovery? discovery = null)
    {
        _time = time ?? TimeProvider.System;
        _discovery = discovery ?? new SerialPortDiscovery();
    }

    /// <summary>Supplies the connector for a scheme this project does not implement (sim:, ble:).</summary>
    public DeviceLinkFactory Register(Transport kind, Func<SourceSpec, ILinkConnector> create)
    {
        _extensions[kind] = create;
        return this;
    }

    public ILinkConnector Create(SourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ILinkConnector connector = spec.Transport switch
        {
            Transport.Serial when spec.IsAutoSerial => new AutoSerialConnector(spec.BaudRate, _discovery, _time, driver: spec.SerialDriver),
            Transport.Serial => new SerialConnector(spec.Target, spec.BaudRate, _discovery, spec.SerialDriver),
            Transport.Tcp => new TcpConnector(spec.Host, spec.Port),
            Transport.File => new CaptureFileConnector(spec.Target, spec.Speed, _time),
            _ when _extensions.TryGetValue(spec.Transport, out var create) => create(spec),
            _ => throw new SourceOpenException(SourceOpenFailure.Other, $"{VocabularyText.ToText(spec.Transport)}: sources are not available in this build; use serial:, tcp: or file:"),
        };

        return spec.RecordPath is null ? connector : RecordingConnector.ToFile(connector, spec.RecordPath);
    }
}
