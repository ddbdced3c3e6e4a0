using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.WitMotion;

/// <summary>What one WitMotion sensor link reports, in order; <see cref="ArrivalMicroseconds"/> is host UTC µs since 1970.</summary>
public abstract record WitMotionSensorEvent(long ArrivalMicroseconds);

/// <summary>The readings decoded from one read (a BLE notification gives acceleration, angular velocity and angle).</summary>
public sealed record WitMotionReadingsReceived(long ArrivalMicroseconds, IReadOnlyList<WitMotionReading> Readings) : WitMotionSensorEvent(ArrivalMicroseconds);

/// <summary>The link broke; the sensor is being reopened. Its segment has no data until <see cref="WitMotionSensorLinkRestored"/>.</summary>
public sealed record WitMotionSensorLinkLost(long ArrivalMicroseconds) : WitMotionSensorEvent(ArrivalMicroseconds);

public sealed record WitMotionSensorLinkRestored(long ArrivalMicroseconds) : WitMotionSensorEvent(ArrivalMicroseconds);

/// <summary>Counts of one interval (every 10 s of arrival time, and once at the end).</summary>
public sealed record WitMotionSensorStatsReported(long ArrivalMicroseconds, WitMotionLinkStats Stats) : WitMotionSensorEvent(ArrivalMicroseconds);

/// <summary>Something the user should know (e.g. the sensor runs at 9600 baud).</summary>
public sealed record WitMotionSensorNotice(long ArrivalMicroseconds, string Message) : WitMotionSensorEvent(ArrivalMicroseconds);
