using System.Globalization;
using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// Who the device is (<see cref="Device"/>, the shared identity every output tags: the <c>device</c> and
/// <c>device_id</c> tags) and what its HELLO told the session. Without a HELLO the defaults of
/// firmware-protocol/SPEC.md apply: 100 Hz, both sensors, id 0, the configured name.
/// </summary>
public sealed record SessionIdentity(DeviceIdentity Device, ushort SampleRateHz, SensorMask Sensors, HelloMessage? Hello)
{
    public const ushort DefaultSampleRateHz = 100;

    public ulong DeviceId => Device.Id;

    /// <summary>The display name (the <c>device</c> tag).</summary>
    public string DisplayName => Device.Name;

    /// <summary>The id as 16 lowercase hex digits.</summary>
    public string DeviceIdHex => Device.IdHex;

    /// <summary>False when these are the defaults taken because no HELLO came in time.</summary>
    public bool IsFromHello => Hello is not null;

    /// <summary>The identity a HELLO announces; its name is stripped of control characters here, once, for everything downstream.</summary>
    public static SessionIdentity FromHello(HelloMessage hello, DeviceSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(hello);
        ArgumentNullException.ThrowIfNull(options);
        HelloMessage printable = hello with { Name = DeviceText.Printable(hello.Name) };
        return new(new DeviceIdentity(printable.DeviceId, DisplayNameFor(options.SourceName, options.DeviceName, printable.Name, printable.DeviceId)), printable.SampleRateHz, printable.Sensors, printable);
    }

    public static SessionIdentity Defaults(DeviceSessionOptions options) =>
        new(new DeviceIdentity(0, DisplayNameFor(options.SourceName, options.DeviceName, null, 0)), DefaultSampleRateHz, SensorMask.Both, null);

    /// <summary>
    /// The display name: the source's <c>name=</c>, else <c>--device-name</c>, else the HELLO name, else
    /// <c>device-</c> and the last 4 hex digits of the id.
    /// </summary>
    public static string DisplayNameFor(string? sourceName, string? deviceName, string? helloName, ulong deviceId)
    {
        foreach (string? candidate in (ReadOnlySpan<string?>)[sourceName, deviceName, helloName])
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        return "device-" + (deviceId & 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);
    }
}
