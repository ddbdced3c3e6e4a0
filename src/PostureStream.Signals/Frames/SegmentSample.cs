namespace PostureStream.Signals;

/// <summary>
/// One sample of the two segments' angles as any sensor kind delivers it — a PSP SAMPLES frame, a pair of
/// off-the-shelf IMUs merged onto one grid, or host fusion of raw IMU readings — before any signal stage:
/// the sensor-neutral input of the per-device chain.
/// </summary>
/// <param name="TimeMicroseconds">
/// Sample time on the source's own monotonic time line, µs, already unwrapped (never wraps, never steps back
/// except at a device reset). For PSP it is the device tick; for sensors without a clock, the estimated
/// sample time on the host's monotonic clock.
/// </param>
/// <param name="Angles">The four channels in degrees as measured, NaN where not available.</param>
/// <param name="Faults">Sensors known to be in fault at this sample (their channels are NaN).</param>
public readonly record struct SegmentSample(long TimeMicroseconds, SensorAngles Angles, SensorFaults Faults);
