namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// The sensor's own attitude estimate, modelled as the complementary filter such IMUs run (WitMotion does not publish
/// its Kalman filter; this reproduces its kind of error). Per sample the estimated "up" direction in the sensor
/// frame is turned by the measured rate, then pulled toward the measured specific force with a 1 s time constant
/// — 10 s while the accelerometer reads more than 0.1 g away from 1 g (the filter distrusts it under motion).
/// Error sources, with MPU-9250-class figures (the WT901's sensor; datasheet PS-MPU-9250A-01 §3.1–3.2):
/// <list type="bullet">
/// <item>accelerometer noise 300 µg/√Hz over a 44 Hz band ≈ 2 mg per sample;</item>
/// <item>gyro noise 0.01 °/s/√Hz over 41 Hz ≈ 0.064 °/s per sample; residual bias 0.1 °/s (1σ) per axis;
/// scale-factor error ±1.5 % per axis — bends of 50° lag by up to about 1°;</item>
/// <item>linear acceleration (walking bounce, the sacrum's and the lumbar site's swing in a bend) leaks into the
/// tilt through the accelerometer: the few-degree error such sensors show while walking and bending;</item>
/// <item>white noise of 0.02° (1σ) on the output angles, then 180/32768° quantisation;</item>
/// <item>yaw: the true heading plus a random-walk drift (yaw is not used by PostureStream).</item>
/// </list>
/// </summary>
internal sealed class OnboardFusion
{
    public const double AccelNoiseG = 300e-6 * 6.633; // 300 µg/√Hz × √44
    public const double GyroNoiseDegreesPerSecond = 0.01 * 6.403; // 0.01 °/s/√Hz × √41
    public const double GyroBiasDegreesPerSecond = 0.1;
    public const double GyroScaleError = 0.015;
    public const double OutputNoiseDegrees = 0.02;
    public const double TimeConstantSeconds = 1;
    public const double DynamicTimeConstantSeconds = 10;
    public const double DynamicThresholdG = 0.1;

    private const double DegreesToRadians = Math.PI / 180;
    private readonly Random _random;
    private readonly bool _noise;
    private readonly Vector3D _bias;
    private readonly Vector3D _scale;
    private Vector3D _up;
    private double _yawDrift;
    private bool _started;

    public OnboardFusion(Random random, bool noise)
    {
        _random = random;
        _noise = noise;
        _bias = noise ? new Vector3D(Gauss(), Gauss(), Gauss()) * (GyroBiasDegreesPerSecond * DegreesToRadians) : default;
        _scale = noise
            ? new Vector3D(random.Uniform(-1, 1), random.Uniform(-1, 1), random.Uniform(-1, 1)) * GyroScaleError
            : default;
    }

    /// <summary>
    /// One sample: <paramref name="sensorToWorld"/> is the true orientation, <paramref name="angularVelocity"/> (rad/s)
    /// and <paramref name="specificForce"/> (g) the true values in the sensor frame. Returns what the sensor measures
    /// and reports.
    /// </summary>
    public (Vector3D Gyro, Vector3D Accel, double Roll, double Pitch, double Yaw) Step(
        RotationMatrix sensorToWorld, Vector3D angularVelocity, Vector3D specificForce, double dtSeconds)
    {
        Vector3D trueUp = sensorToWorld.Transposed() * Vector3D.UnitZ;
        Vector3D gyro = angularVelocity;
        Vector3D accel = specificForce;
        if (_noise)
        {
            gyro = new Vector3D(
                gyro.X * (1 + _scale.X),
                gyro.Y * (1 + _scale.Y),
                gyro.Z * (1 + _scale.Z)) + _bias + (Noise3() * (GyroNoiseDegreesPerSecond * DegreesToRadians));
            accel += Noise3() * AccelNoiseG;
        }

        if (!_noise)
        {
            _up = trueUp;
        }
        else if (!_started)
        {
            _up = trueUp;
            _started = true;
        }
        else
        {
            // A world-fixed vector seen from a frame turning at ω changes as −ω × v.
            _up = (_up + (Vector3D.Cross(_up, gyro) * dtSeconds)).Normalized();
            double tau = Math.Abs(accel.Length - 1) > DynamicThresholdG ? DynamicTimeConstantSeconds : TimeConstantSeconds;
            _up = (_up + ((accel.Normalized() - _up) * (dtSeconds / tau))).Normalized();
            _yawDrift += 0.01 * Gauss() * Math.Sqrt(dtSeconds);
        }

        double roll = Math.Atan2(_up.Y, _up.Z) / DegreesToRadians;
        double pitch = Math.Asin(Math.Clamp(-_up.X, -1, 1)) / DegreesToRadians;
        double yaw = (Math.Atan2(sensorToWorld.M10, sensorToWorld.M00) / DegreesToRadians) + _yawDrift;
        if (_noise)
        {
            roll += OutputNoiseDegrees * Gauss();
            pitch += OutputNoiseDegrees * Gauss();
        }

        return (gyro, accel, roll, pitch, yaw);
    }

    private Vector3D Noise3() => new(Gauss(), Gauss(), Gauss());

    private double Gauss() => _random.Gaussian();
}
