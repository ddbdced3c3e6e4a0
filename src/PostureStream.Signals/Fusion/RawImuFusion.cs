using PostureStream.Protocol;

namespace PostureStream.Signals.Fusion;

/// <summary>
/// Host fusion for a board that sends raw IMU readings (PSP RAW): one <see cref="TiltFilter"/> per IMU turns each
/// sample into the four segment angles of a <see cref="SegmentSample"/>, the sensor-neutral input of the per-device
/// chain. The axes are SPEC's fixed RAW convention (+x head, +y left, +z dorsal). The step between samples comes from
/// the sample times, so any rate works. An IMU missing from a frame's mask gives NaN angles and a fault for that
/// sample, and its attitude starts again from the accelerometer when it comes back. One per device; feed it in order.
/// No allocation per sample.
/// </summary>
public sealed class RawImuFusion
{
    private const double RadiansPerDegree = Math.PI / 180;
    private readonly FusionGains gains;
    private TiltFilter lumbar;
    private TiltFilter pelvis;
    private long lastMicroseconds;
    private bool haveLast;

    public RawImuFusion(FusionOptions? options = null) => gains = new FusionGains(options ?? new FusionOptions());

    /// <summary>
    /// Fuses one sample taken at <paramref name="timeMicroseconds"/> (the source's unwrapped monotonic time; a step back
    /// is a device reset and restarts both attitudes) at the frame's full scales and imu mask.
    /// </summary>
    public SegmentSample Fuse(long timeMicroseconds, in RawSample sample, SensorMask imuMask, byte accelFullScaleG, ushort gyroFullScaleDps)
    {
        double step = haveLast ? (timeMicroseconds - lastMicroseconds) / 1e6 : 0;
        if (step < 0)
        {
            lumbar.Restart();
            pelvis.Restart();
        }

        lastMicroseconds = timeMicroseconds;
        haveLast = true;
        double accelScale = accelFullScaleG / 32768.0;
        double gyroScale = gyroFullScaleDps / 32768.0 * RadiansPerDegree;
        SensorFaults faults = SensorFaults.None;
        double lp = double.NaN, lr = double.NaN, pp = double.NaN, pr = double.NaN;
        if ((imuMask & SensorMask.Lumbar) != 0)
        {
            Vec3 up = Step(ref lumbar, sample.Lumbar, step, accelScale, gyroScale);
            lp = TiltAngles.PitchDegrees(up);
            lr = TiltAngles.RollDegrees(up);
        }
        else
        {
            lumbar.Restart();
            faults |= SensorFaults.Lumbar;
        }

        if ((imuMask & SensorMask.Pelvis) != 0)
        {
            Vec3 up = Step(ref pelvis, sample.Pelvis, step, accelScale, gyroScale);
            pp = TiltAngles.PitchDegrees(up);
            pr = TiltAngles.RollDegrees(up);
        }
        else
        {
            pelvis.Restart();
            faults |= SensorFaults.Pelvis;
        }

        return new SegmentSample(timeMicroseconds, new SensorAngles(lp, lr, pp, pr), faults);
    }

    /// <summary>Forgets both IMUs entirely (another device on the link).</summary>
    public void Reset()
    {
        lumbar.Reset();
        pelvis.Reset();
        haveLast = false;
    }

    private Vec3 Step(ref TiltFilter filter, in ImuReading r, double step, double accelScale, double gyroScale)
    {
        filter.Update(
            new Vec3(r.Ax * accelScale, r.Ay * accelScale, r.Az * accelScale),
            new Vec3(r.Gx * gyroScale, r.Gy * gyroScale, r.Gz * gyroScale),
            step,
            gains);
        return filter.Up;
    }
}
