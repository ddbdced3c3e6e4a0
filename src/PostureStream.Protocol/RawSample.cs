namespace PostureStream.Protocol;

/// <summary>
/// One IMU's reading as RAW carries it: accelerometer then gyroscope, raw i16 register values in the
/// axes SPEC states (+x head, +y left, +z dorsal). <see cref="RawFullScale"/> turns them into g and °/s.
/// </summary>
public readonly record struct ImuReading(short Ax, short Ay, short Az, short Gx, short Gy, short Gz);

/// <summary>One RAW sample: the sampling instant and both IMUs' readings (a reading whose IMU is not in the frame's mask is 0 and meaningless).</summary>
public readonly record struct RawSample(uint TickMicroseconds, ImuReading Lumbar, ImuReading Pelvis);
