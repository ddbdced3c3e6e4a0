using PostureStream.Devices.Ble;
using PostureStream.Devices.Links;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.WitMotion;

/// <summary>Makes the <see cref="WitMotionSensorLink"/> for a WitMotion source URI (one sensor of a wearer).</summary>
public static class WitMotionSources
{
    /// <summary>
    /// The link for <paramref name="uri"/>: a capture replay, a serial sensor (baud detected unless given) or a BLE
    /// sensor through BlueZ (<paramref name="bleBusAddress"/>: the bus BlueZ is on, null = the system bus).
    /// Notices (e.g. 9600 baud) go to <paramref name="notice"/>.
    /// </summary>
    public static WitMotionSensorLink Create(string uri, TimeProvider? time = null, Action<string>? notice = null, string? bleBusAddress = null)
    {
        WitMotionSourceSpec spec = WitMotionSourceUri.Parse(uri);
        time ??= TimeProvider.System;
        IWitMotionByteSource source = spec.IsCapture
            ? new WitMotionCaptureSource(spec.Target, spec.Speed, time)
            : new WitMotionLinkSource(Connector(spec, time, notice, bleBusAddress), spec.Framing, time) { SetupCommands = SetupCommands(spec) };
        if (spec.RecordPath is { } record)
        {
            source = new WitMotionRecordingSource(source, record);
        }

        return new WitMotionSensorLink(source);
    }

    /// <summary>Unlock, the asked-for settings, save — or nothing when nothing was asked.</summary>
    public static IReadOnlyList<WitMotionCommand> SetupCommands(WitMotionSourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var writes = new List<WitMotionCommand>();
        if (spec.Quaternion)
        {
            writes.Add(WitMotionCommands.SetReturnContent(WitMotionContent.Acceleration | WitMotionContent.AngularVelocity | WitMotionContent.Angle | WitMotionContent.Quaternion));
        }

        if (spec.RateHertz is { } hz)
        {
            writes.Add(WitMotionCommands.SetRate(hz));
        }

        return writes.Count == 0 ? [] : [WitMotionCommands.Unlock, .. writes, WitMotionCommands.Save];
    }

    private static ILinkConnector Connector(WitMotionSourceSpec spec, TimeProvider time, Action<string>? notice, string? bleBusAddress)
    {
        if (spec.Framing == WitMotionFraming.Serial)
        {
            return new WitMotionSerialConnector(spec.Target, spec.BaudRate, time, notice);
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new SourceOpenException(SourceOpenFailure.Other, $"{spec.Uri}: BLE sensors are reached through BlueZ, which runs on Linux only");
        }

        return new BleLinkConnector(new BleLinkOptions
        {
            Address = spec.Target,
            Adapter = spec.Adapter,
            BusAddress = bleBusAddress,
            Profile = WitMotionGatt.Profile,
            TimeProvider = time,
        });
    }
}
