using System.Globalization;
using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>
/// Who the device is, as storage tags it (Storage README, schema): <see cref="DisplayName"/> is the <c>device</c> tag,
/// <see cref="DeviceIdHex"/> the <c>device_id</c> tag. Without a HELLO the defaults of firmware-protocol/SPEC.md apply:
/// 100 Hz, both sensors, id 0, the configured name.
/// </summary>
public sealed record DeviceIdentity(ulong DeviceId, string DisplayName, ushort SampleRateHz, SensorMask Sensors, HelloMessage? Hello)
{
    public const ushort DefaultSampleRateHz = 100;

    /// <summary>The id as 16 lowercase hex digits.</summary>
    public string DeviceIdHex => DeviceId.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>False when these are the defaults taken because no HELLO came in time.</summary>
    public bool IsFromHello => Hello is not null;

    /// <summary>The identity a HELLO announces; its name is stripped of control characters here, once, for everything downstream.</summary>
    public static DeviceIdentity FromHello(HelloMessage hello, DeviceSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(hello);
        ArgumentNullException.ThrowIfNull(options);
        HelloMessage printable = hello with { Name = DeviceText.Printable(hello.Name) };
        return new(printable.DeviceId, DisplayNameFor(options.SourceName, options.DeviceName, printable.Name, printable.DeviceId), printable.SampleRateHz, printable.Sensors, printable);
    }

    public static DeviceIdentity Defaults(DeviceSessionOptions options) =>
        new(0, DisplayNameFor(options.SourceName, options.DeviceName, null, 0), DefaultSampleRateHz, SensorMask.Both, null);

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
