namespace PostureStream.Protocol;

/// <summary>
/// A decoded PSP v1 message. Enum-typed fields carry the raw byte, so values newer firmware may send
/// survive a round trip unchanged.
/// </summary>
public abstract record PspMessage
{
    /// <summary>The frame counter of the direction this message travels in.</summary>
    public ushort Seq { get; init; }

    public abstract PspMessageType Type { get; }
}

public sealed record HelloMessage(
    ulong DeviceId,
    byte FirmwareMajor,
    byte FirmwareMinor,
    byte FirmwarePatch,
    ushort SampleRateHz,
    SensorMask Sensors,
    string Name) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Hello;

    public string FirmwareVersion => $"{FirmwareMajor}.{FirmwareMinor}.{FirmwarePatch}";
}

public sealed record SamplesMessage(Sample[] Samples) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Samples;

    public bool Equals(SamplesMessage? other) =>
        other is not null && Seq == other.Seq && Samples.AsSpan().SequenceEqual(other.Samples);

    public override int GetHashCode() => HashCode.Combine(Seq, Samples.Length, Samples.Length > 0 ? Samples[0] : default);
}

public sealed record StatusMessage(ushort BatteryMillivolts, byte BatteryPercent, short TemperatureCentiCelsius, StatusFlags Flags) : PspMessage
{
    /// <summary>The battery_pct value that means "unknown".</summary>
    public const byte BatteryPercentUnknown = 255;

    public override PspMessageType Type => PspMessageType.Status;
}

public sealed record EventMessage(uint TickMicroseconds, DeviceEventCode Code, byte Argument) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Event;
}

public sealed record AckMessage(ushort AckedSeq, PspMessageType AckedType, AckResult Result) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Ack;
}

public sealed record StartMessage(ushort SampleRateHz) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Start;
}

public sealed record StopMessage : PspMessage
{
    public override PspMessageType Type => PspMessageType.Stop;
}

public sealed record BuzzMessage(BuzzPattern Pattern, ushort DurationMilliseconds, byte Intensity) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Buzz;
}

public sealed record IdentifyMessage : PspMessage
{
    public override PspMessageType Type => PspMessageType.Identify;
}

/// <summary>
/// RAW (0x06): 1 to 8 samples of both IMUs' raw accelerometer and gyroscope readings, with the full
/// scales they were taken at. <paramref name="ImuMask"/> says which IMUs answered (same bits as HELLO's sensor_mask).
/// </summary>
public sealed record RawMessage(SensorMask ImuMask, byte AccelFullScaleG, ushort GyroFullScaleDps, RawSample[] Samples) : PspMessage
{
    public override PspMessageType Type => PspMessageType.Raw;

    public bool Equals(RawMessage? other) =>
        other is not null && Seq == other.Seq && ImuMask == other.ImuMask && AccelFullScaleG == other.AccelFullScaleG
        && GyroFullScaleDps == other.GyroFullScaleDps && Samples.AsSpan().SequenceEqual(other.Samples);

    public override int GetHashCode() => HashCode.Combine(Seq, ImuMask, AccelFullScaleG, GyroFullScaleDps, Samples.Length);
}
