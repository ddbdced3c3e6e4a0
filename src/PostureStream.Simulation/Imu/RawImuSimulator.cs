using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Imu;

/// <summary>
/// The raw readings of the two IMUs of a <c>psp-raw</c> device (Simulation README, raw IMUs): the true angular rate and
/// specific force of each sensor, taken from the wearer's motion (<see cref="BodyKinematics"/>) by differentiating its
/// orientation and position over ±2 ms, through the sensor's errors (<see cref="ImuErrors"/>), then scaled to the
/// frame's full scales, rounded and saturated as the IMU's i16 registers are.
/// </summary>
internal sealed class RawImuSimulator
{
    private const double Step = 0.002; // s, for the derivatives
    private readonly BodyKinematics body;
    private readonly ImuErrors lumbar;
    private readonly ImuErrors pelvis;
    private readonly double accelFullScale;
    private readonly double gyroFullScale;
    private double lastSeconds = double.NaN;

    public RawImuSimulator(SimulationPlan plan, Random random)
    {
        DeviceProfile device = plan.Device;
        body = new BodyKinematics(plan.Timeline, random);
        ImuModel model = device.ImuModel;
        lumbar = new ImuErrors(model, device.SampleRateHz, device.MountingSigmaDegrees, random);
        pelvis = new ImuErrors(model, device.SampleRateHz, device.MountingSigmaDegrees, random);
        accelFullScale = device.AccelFullScaleG;
        gyroFullScale = device.GyroFullScaleDps;
    }

    /// <summary>
    /// The readings at <paramref name="trueSeconds"/> (device at <paramref name="celsius"/>), and the angles a perfect
    /// filter would report for the sensors as mounted (the segment's truth turned by the mounting rotation).
    /// </summary>
    public (ImuReading Lumbar, ImuReading Pelvis, PostureAngles Mounted) Sample(double trueSeconds, double celsius)
    {
        if (!double.IsNaN(lastSeconds))
        {
            double dt = trueSeconds - lastSeconds;
            lumbar.Advance(dt);
            pelvis.Advance(dt);
        }

        lastSeconds = trueSeconds;
        BodyPose before = body.PoseAt(trueSeconds - Step);
        BodyPose now = body.PoseAt(trueSeconds);
        BodyPose after = body.PoseAt(trueSeconds + Step);
        var progress = ((after.Progress.X - before.Progress.X) / (2 * Step), (after.Progress.Y - before.Progress.Y) / (2 * Step));
        ImuReading l = Read(lumbar, before.Lumbar, now.Lumbar, after.Lumbar, before.LumbarPosition, now.LumbarPosition, after.LumbarPosition, progress, celsius, out double lp, out double lr);
        ImuReading p = Read(pelvis, before.Pelvis, now.Pelvis, after.Pelvis, before.PelvisPosition, now.PelvisPosition, after.PelvisPosition, progress, celsius, out double pp, out double pr);
        return (l, p, new PostureAngles(lp, lr, pp, pr));
    }

    private ImuReading Read(
        ImuErrors errors,
        Quat segmentBefore,
        Quat segmentNow,
        Quat segmentAfter,
        (double X, double Y, double Z) before,
        (double X, double Y, double Z) now,
        (double X, double Y, double Z) after,
        (double X, double Y) progressAcceleration,
        double celsius,
        out double pitch,
        out double roll)
    {
        Quat q0 = segmentBefore * errors.Mounting.Conjugate;
        Quat q1 = segmentNow * errors.Mounting.Conjugate;
        Quat q2 = segmentAfter * errors.Mounting.Conjugate;

        // Angular rate in the sensor's axes: the body-frame rotation from t − h to t + h.
        var rotation = (q0.Conjugate * q2).ToRotationVector();
        var rate = (rotation.X / (2 * Step), rotation.Y / (2 * Step), rotation.Z / (2 * Step));

        // Specific force: acceleration minus gravity (a still sensor reads +1 g up), in the sensor's axes, in g.
        double h2 = Step * Step;
        var accel = (
            ((after.X - (2 * now.X) + before.X) / h2) + progressAcceleration.X,
            ((after.Y - (2 * now.Y) + before.Y) / h2) + progressAcceleration.Y,
            ((after.Z - (2 * now.Z) + before.Z) / h2) + BodyKinematics.Gravity);
        var force = q1.Conjugate.Rotate(accel);
        var up = q1.Conjugate.Rotate((0, 0, 1));
        pitch = Math.Atan2(up.Z, up.X) * 180 / Math.PI;
        roll = Math.Atan2(up.Y, Math.Sqrt((up.X * up.X) + (up.Z * up.Z))) * 180 / Math.PI;

        const double toDps = 180 / Math.PI;
        return new ImuReading(
            RawFullScale.ToRaw(errors.Accel(0, force.X / BodyKinematics.Gravity, celsius), accelFullScale),
            RawFullScale.ToRaw(errors.Accel(1, force.Y / BodyKinematics.Gravity, celsius), accelFullScale),
            RawFullScale.ToRaw(errors.Accel(2, force.Z / BodyKinematics.Gravity, celsius), accelFullScale),
            RawFullScale.ToRaw(errors.Gyro(0, rate.Item1, celsius) * toDps, gyroFullScale),
            RawFullScale.ToRaw(errors.Gyro(1, rate.Item2, celsius) * toDps, gyroFullScale),
            RawFullScale.ToRaw(errors.Gyro(2, rate.Item3, celsius) * toDps, gyroFullScale));
    }
}
