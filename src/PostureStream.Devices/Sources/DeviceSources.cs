using PostureStream.Devices.Session;

namespace PostureStream.Devices.Sources;

/// <summary>From a source URI to a ready (not yet started) <see cref="DeviceSession"/>.</summary>
public static class DeviceSources
{
    /// <summary>
    /// Parses <paramref name="uri"/> (throws <see cref="SourceUriException"/>), makes its connector and a
    /// session named by the identity rule (Storage README, schema): the source's <c>name=</c>, else <paramref name="deviceName"/>
    /// (<c>--device-name</c>, only when there is one source), else the HELLO name, else the id.
    /// Call <see cref="DeviceSession.StartAsync"/> next; it throws <see cref="Links.SourceOpenException"/> when the source cannot be opened.
    /// </summary>
    public static DeviceSession CreateSession(
        string uri,
        DeviceLinkFactory? factory = null,
        string? deviceName = null,
        DeviceSessionOptions? options = null,
        TimeProvider? time = null)
    {
        SourceSpec spec = SourceUri.Parse(uri);
        factory ??= new DeviceLinkFactory(time);
        DeviceSessionOptions sessionOptions = (options ?? DeviceSessionOptions.Default) with { SourceName = spec.Name, DeviceName = deviceName, IdleTimeout = spec.IdleTimeout };
        return new DeviceSession(factory.Create(spec), sessionOptions, time);
    }
}
