namespace PostureStream.Signals.Fusion;

/// <summary>
/// The attitude of one IMU from its accelerometer and gyroscope: the explicit complementary filter of Mahony, Hamel and
/// Pflimlin ("Nonlinear complementary filters on the special orthogonal group", IEEE TAC 53(5), 2008) in quaternion form,
/// with the gyroscope bias estimated by its integral term, plus (Signals Fusion README):
/// <list type="bullet">
/// <item>accelerometer down-weighting: the correction is scaled by 1 / (1 + (m / m₀)²), m being the RMS departure of
/// |a| from 1 g over about 1.5 s, and skipped for one reading beyond 0.7 g of it, so walking, bending and impacts barely
/// tilt the estimate while a still wearer is corrected at the full gain;</item>
/// <item>bias learning while still: when |a| stays near 1 g and both sensors are steady, the bias estimate follows
/// the smoothed gyroscope reading (the true rate is then about 0), so even a large turn-on bias is learnt in seconds;</item>
/// <item>start-up: the attitude starts from the first accelerometer reading (any orientation) with high gains that fall
/// to the nominal ones over 1 s; a reset or a gap over 5 s starts it again, a shorter gap keeps the attitude and
/// brings back half the boost;</item>
/// <item>rate independence: the step is the real time between samples (device ticks), gains are per second, and the
/// gyroscope is integrated at the mean of the step's two readings with the exact exponential map.</item>
/// </list>
/// A mutable struct, kept inside its owner: no allocation per sample.
/// </summary>
internal struct TiltFilter
{
    // Attitude: body → world, unit quaternion (w, x, y, z); world up is +z.
    private double qw, qx, qy, qz;
    private Vec3 bias;          // rad/s
    private Vec3 rateMean;      // smoothed gyroscope reading, rad/s
    private double rateSpread;  // smoothed |ω − rateMean|, rad/s
    private Vec3 accelMean;     // smoothed accelerometer reading, g
    private double accelSpread; // smoothed |a − accelMean|, g
    private double motion;      // smoothed (|a| − 1)², g²
    private double sinceStart;  // s since the attitude (re)started
    private Vec3 lastRate;      // the previous gyroscope reading, rad/s
    private bool started;

    public readonly bool Started => started;

    /// <summary>The gyroscope bias estimate, rad/s.</summary>
    internal readonly Vec3 Bias => bias;

    /// <summary>World up in the sensor's axes (unit vector).</summary>
    public readonly Vec3 Up => new(
        2 * ((qx * qz) - (qw * qy)),
        2 * ((qw * qx) + (qy * qz)),
        (qw * qw) - (qx * qx) - (qy * qy) + (qz * qz));

    /// <summary>Forgets the attitude (the next reading starts it again); the bias, a property of the sensor, is kept.</summary>
    public void Restart() => started = false;

    /// <summary>Forgets everything, bias included (another sensor).</summary>
    public void Reset() => this = default;

    /// <summary>
    /// One reading: <paramref name="accelG"/> in g, <paramref name="rateRadPerSecond"/> in rad/s, in the sensor's axes;
    /// <paramref name="stepSeconds"/> since the previous reading.
    /// </summary>
    public void Update(Vec3 accelG, Vec3 rateRadPerSecond, double stepSeconds, FusionGains gains)
    {
        double norm = accelG.Length;
        if (!started || !(stepSeconds > 0) || stepSeconds > gains.RestartAfterSeconds)
        {
            Start(accelG, norm, rateRadPerSecond);
            return;
        }

        if (stepSeconds > gains.MaxStepSeconds)
        {
            lastRate = rateRadPerSecond;
            // Lost frames: the rate during the hole is unknown, so nothing is integrated. The attitude is kept (the
            // wearer rarely turns far in a second) and corrected with half the start-up boost from here.
            sinceStart = Math.Min(sinceStart, gains.StartupSeconds / 2);
            return;
        }

        double dt = stepSeconds;
        sinceStart += dt;

        // How much the accelerometer is trusted: the RMS departure of |a| from 1 g over a couple of seconds, so the
        // weight stays steady through a gait cycle (a weight that rose and fell with each step would correlate with
        // the step's surge and leave a mean tilt); zero for one wild reading (an impact, a jump).
        double departure = norm - 1;
        motion += ((departure * departure) - motion) * Math.Min(1, dt / gains.MotionSmoothingSeconds);
        double ratioSquared = motion / (gains.MotionReferenceG * gains.MotionReferenceG);
        double weight = Math.Abs(departure) > gains.RejectG || norm < 1e-6 ? 0 : 1 / (1 + ratioSquared);

        // Still: learn the bias from the gyroscope itself (the wearer's rate is about 0).
        double smooth = Math.Min(1, dt / gains.RateSmoothingSeconds);
        rateMean += (rateRadPerSecond - rateMean) * smooth;
        rateSpread += ((rateRadPerSecond - rateMean).Length - rateSpread) * smooth;
        accelMean += (accelG - accelMean) * smooth;
        accelSpread += ((accelG - accelMean).Length - accelSpread) * smooth;

        // Still is judged on how steady the readings are, not on |a| = 1 g: an uncalibrated accelerometer may read
        // a few percent off while perfectly still.
        if (accelSpread < gains.StillAccelerationG && Math.Abs(departure) < 0.1 && rateSpread < gains.StillRate)
        {
            bias += (rateMean - bias) * Math.Min(1, dt / gains.StillBiasSeconds);
        }

        // Start-up gains fall linearly to the nominal ones.
        double startup = gains.StartupSeconds > 0 ? Math.Max(0, 1 - (sinceStart / gains.StartupSeconds)) : 0;
        double kp = gains.Kp + ((gains.StartupKp - gains.Kp) * startup);
        double ki = gains.Ki + ((gains.StartupKi - gains.Ki) * startup);

        // Mahony: e = a × v̂ (measured up × estimated up); ω' = ω − b̂ + k_P·e; db̂/dt = −k_I·e. The accelerometer is
        // used in g, not normalised, so a zero-mean horizontal acceleration leaves no mean tilt.
        // The step is integrated at the mean of the readings at its two ends (trapezoid), so a 25 Hz stream
        // follows a changing rate as well as a 400 Hz one. The accelerometer (taken at the end of the step) is
        // compared with up carried to the end of the step by the gyroscope: against the up of the step's start it
        // would see the step's own rotation as an error and over-rotate by k_P·dt of every turn.
        Vec3 gyro = ((rateRadPerSecond + lastRate) * 0.5) - bias;
        lastRate = rateRadPerSecond;
        Vec3 up = Up;
        Vec3 predicted = up + (Vec3.Cross(up, gyro) * dt);
        Vec3 error = Vec3.Cross(accelG, predicted) * weight;
        bias -= error * (ki * dt);
        Rotate(gyro + (error * kp), dt);
    }

    private void Start(Vec3 accelG, double norm, Vec3 rate)
    {
        // The shortest rotation taking the measured up (body) onto world +z; yaw is arbitrary and never used.
        Vec3 up = norm > 1e-6 ? accelG * (1 / norm) : new Vec3(1, 0, 0);
        double w = 1 + up.Z;
        if (w < 1e-9)
        {
            (qw, qx, qy, qz) = (0, 1, 0, 0); // upside down: half a turn about x
        }
        else
        {
            // q = (1 + u·z, u × z) normalised; u × z = (u_y, −u_x, 0).
            double n = 1 / Math.Sqrt((w * w) + (up.Y * up.Y) + (up.X * up.X));
            (qw, qx, qy, qz) = (w * n, up.Y * n, -up.X * n, 0);
        }

        rateMean = started ? rateMean : rate;
        lastRate = rate;
        rateSpread = 0;
        accelMean = accelG;
        accelSpread = 0;
        motion = 0; // unknown yet: a first reading taken while moving must not hold back the start-up correction
        sinceStart = 0;
        started = true;
    }

    // q ← q ⊗ exp(ω·dt/2): exact for a constant rate over the step.
    private void Rotate(Vec3 omega, double dt)
    {
        double angle = omega.Length * dt;
        double half = angle / 2;
        double s = angle > 1e-12 ? Math.Sin(half) / omega.Length : dt / 2;
        double c = Math.Cos(half);
        double dx = omega.X * s, dy = omega.Y * s, dz = omega.Z * s;
        double w = (qw * c) - (qx * dx) - (qy * dy) - (qz * dz);
        double x = (qw * dx) + (qx * c) + (qy * dz) - (qz * dy);
        double y = (qw * dy) - (qx * dz) + (qy * c) + (qz * dx);
        double z = (qw * dz) + (qx * dy) - (qy * dx) + (qz * c);
        double n = 1 / Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
        (qw, qx, qy, qz) = (w * n, x * n, y * n, z * n);
    }
}
