namespace PostureStream.Simulation.WitMotion;

/// <summary>What happened to a sample on its way to the host.</summary>
public enum SampleDelivery
{
    Delivered,

    /// <summary>Dropped on the link (a lost BLE notification): the host never sees it.</summary>
    Lost,

    /// <summary>The sensor is off the link (a scenario fault for its segment, or a link dropout): nothing arrives.</summary>
    Disconnected,
}

/// <summary>A three-axis output in int16 counts, as the sensor sends it.</summary>
public readonly record struct AxesCounts(short X, short Y, short Z);

/// <summary>A quaternion output in int16 counts (÷ 32768), as the sensor sends it (W first, as in packet 0x59).</summary>
public readonly record struct QuaternionCounts(short W, short X, short Y, short Z);

/// <summary>
/// One sample of a simulated WitMotion sensor: the outputs in int16 counts exactly as packets 0x51 (acceleration),
/// 0x52 (angular velocity), 0x53 (angle: roll, pitch, yaw) and 0x59 (quaternion) carry them, the true time it was
/// taken and the host time it arrived, and the truth it stands for.
/// </summary>
/// <param name="Index">Sample number from the sensor's first sample (the sensor itself sends no counter).</param>
/// <param name="SampleTimeMicroseconds">True time the sample was taken, µs from the scenario's start (the host's monotonic clock).</param>
/// <param name="ArrivalTimeMicroseconds">When the host receives it, µs on the same clock; non-decreasing along a stream. Meaningless unless delivered.</param>
/// <param name="Delivery">Whether the host receives it.</param>
/// <param name="Acceleration">Specific force in the sensor frame, ±16 g full scale (+1 g up when at rest).</param>
/// <param name="AngularVelocity">Angular velocity in the sensor frame, ±2000 °/s full scale.</param>
/// <param name="Angle">Roll (X), pitch (Y), yaw (Z) of the sensor's onboard fusion, Z-Y-X Euler angles, 180/32768° counts.</param>
/// <param name="Quaternion">The same orientation as a quaternion (sensor to world).</param>
/// <param name="TruePitchDegrees">Truth: the segment's intended sagittal angle (Simulation README, the wearer model).</param>
/// <param name="TrueRollDegrees">Truth: the segment's intended frontal angle.</param>
/// <param name="SensorClockMicroseconds">The sensor's own clock when it took the sample, µs since 2000-01-01 of that clock, truncated to the ms as its time packet carries it; null when it sends no time packets.</param>
public readonly record struct WitMotionReading(
    long Index,
    long SampleTimeMicroseconds,
    long ArrivalTimeMicroseconds,
    SampleDelivery Delivery,
    AxesCounts Acceleration,
    AxesCounts AngularVelocity,
    AxesCounts Angle,
    QuaternionCounts Quaternion,
    double TruePitchDegrees,
    double TrueRollDegrees,
    long? SensorClockMicroseconds = null)
{
    public bool IsDelivered => Delivery == SampleDelivery.Delivered;

    public double RollDegrees => WitMotionScale.FromCounts(Angle.X, WitMotionScale.AngleDegrees);

    public double PitchDegrees => WitMotionScale.FromCounts(Angle.Y, WitMotionScale.AngleDegrees);

    public double YawDegrees => WitMotionScale.FromCounts(Angle.Z, WitMotionScale.AngleDegrees);
}
