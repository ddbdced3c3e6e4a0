namespace PostureStream.Simulation.Imu;

/// <summary>
/// The errors of one simulated IMU (<see cref="ImuModel"/>): its mounting rotation on the skin, per-axis offsets and
/// sensitivity errors drawn once, the gyroscope offset's random walk and temperature drift, and white noise at the
/// datasheet density over the sensor's bandwidth.
/// </summary>
internal sealed class ImuErrors
{
    private const double Degrees = Math.PI / 180;
    private readonly ImuModel model;
    private readonly Random random;
    private readonly double accelSigma;
    private readonly double gyroSigma;
    private readonly double walkPerSqrtSecond;
    private readonly double[] gyroOffset = new double[3];     // rad/s at the reference temperature
    private readonly double[] gyroTempco = new double[3];     // rad/s per °C
    private readonly double[] gyroScale = new double[3];
    private readonly double[] accelOffset = new double[3];    // g
    private readonly double[] accelTempco = new double[3];    // g per °C
    private readonly double[] accelScale = new double[3];
    private readonly double[] walk = new double[3];           // rad/s

    public ImuErrors(ImuModel model, double sampleRateHz, double mountingSigmaDegrees, Random random)
    {
        this.model = model;
        this.random = random;
        double bandwidth = Math.Min(model.BandwidthHz, sampleRateHz / 2);
        accelSigma = model.AccelNoiseDensityG * Math.Sqrt(bandwidth);
        gyroSigma = model.GyroNoiseDensityDps * Math.Sqrt(bandwidth) * Degrees;
        walkPerSqrtSecond = model.GyroBiasWalkDps * Degrees;
        for (int axis = 0; axis < 3; axis++)
        {
            gyroOffset[axis] = Tolerance(model.GyroOffsetToleranceDps) * Degrees;
            gyroTempco[axis] = Tolerance(model.GyroOffsetTempcoDps) * Degrees;
            gyroScale[axis] = 1 + Tolerance(model.GyroScaleTolerance);
            accelOffset[axis] = Tolerance(model.AccelOffsetToleranceG);
            accelTempco[axis] = Tolerance(model.AccelOffsetTempcoG);
            accelScale[axis] = 1 + Tolerance(model.AccelScaleTolerance);
        }

        Mounting = Quat.FromRotationVector((Draw(mountingSigmaDegrees) * Degrees, Draw(mountingSigmaDegrees) * Degrees, Draw(mountingSigmaDegrees) * Degrees));
    }

    /// <summary>The sensor's rotation against its segment (segment → sensor axes): a skin-mounted sensor is never exactly aligned.</summary>
    public Quat Mounting { get; }

    public ImuModel Model => model;

    /// <summary>The gyroscope offset now (rad/s, per axis) at <paramref name="celsius"/>.</summary>
    public double GyroOffset(int axis, double celsius) => gyroOffset[axis] + walk[axis] + (gyroTempco[axis] * (celsius - ReferenceCelsius));

    /// <summary>Device temperature the offsets are specified at.</summary>
    public static double ReferenceCelsius => 25;

    /// <summary>Moves the offsets' random walk on by <paramref name="seconds"/>.</summary>
    public void Advance(double seconds)
    {
        double step = walkPerSqrtSecond * Math.Sqrt(Math.Max(0, seconds));
        for (int axis = 0; axis < 3; axis++)
        {
            walk[axis] += step * random.Gaussian();
        }
    }

    /// <summary>What the gyroscope reads on <paramref name="axis"/> for a true rate (rad/s).</summary>
    public double Gyro(int axis, double trueRate, double celsius) =>
        (trueRate * gyroScale[axis]) + GyroOffset(axis, celsius) + (gyroSigma * random.Gaussian());

    /// <summary>What the accelerometer reads on <paramref name="axis"/> for a true specific force (g).</summary>
    public double Accel(int axis, double trueForce, double celsius) =>
        (trueForce * accelScale[axis]) + accelOffset[axis] + (accelTempco[axis] * (celsius - ReferenceCelsius)) + (accelSigma * random.Gaussian());

    private double Tolerance(double plusMinus) => plusMinus / 3 * random.Gaussian();

    private double Draw(double sigma) => sigma * random.Gaussian();
}
