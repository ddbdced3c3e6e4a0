using PostureStream.Simulation.Physiology;

namespace PostureStream.Simulation.Device;

/// <summary>
/// The angle error of a consumer MEMS IMU (InvenSense MPU-6050 figures) whose firmware fuses gyro and
/// accelerometer with a complementary filter, simulated per channel:
/// <list type="bullet">
/// <item>accelerometer noise density 400 µg/√Hz (datasheet, Product Specification rev 3.4, §6.2)
/// over the 44 Hz digital low-pass band: 400 µg × √44 ≈ 2.65 mg, i.e. about 0.15° of tilt per sample;</item>
/// <item>gyro rate noise density 0.005 °/s/√Hz (§6.1) over 42 Hz: about 0.03 °/s per sample;</item>
/// <item>residual gyro bias after start-up calibration, 0.05 °/s (1σ), wandering as a random walk; in
/// the filter it becomes a slow offset of a few hundredths of a degree (bias × τ);</item>
/// <item>complementary filter time constant τ = 0.49 s (α = 0.98 at 100 Hz).</item>
/// </list>
/// Plus postural sway of the wearer: two slow sinusoids (0.05–0.35 Hz, 0.05–0.12°) per channel.
/// </summary>
internal sealed class ImuNoiseModel
{
    public const double AccelNoiseDensityG = 400e-6;
    public const double AccelBandwidthHz = 44;
    public const double GyroNoiseDensityDegPerSecond = 0.005;
    public const double GyroBandwidthHz = 42;
    public const double InitialGyroBiasDegPerSecond = 0.05;
    public const double GyroBiasWalkPerSample = 2e-5;
    public const double FilterTimeConstantSeconds = 0.49;

    private const int Channels = 4;
    private readonly Random _random;
    private readonly double _alpha;
    private readonly double _dt;
    private readonly double _accelSigmaDegrees;
    private readonly double _gyroSigmaDegPerSecond;
    private readonly double[] _error = new double[Channels];
    private readonly double[] _bias = new double[Channels];
    private readonly (double Amplitude, double FrequencyHz, double Phase)[] _sway = new (double, double, double)[Channels * 2];

    public ImuNoiseModel(double sampleRateHz, Random noise, Random sway)
    {
        _random = noise;
        _dt = 1 / sampleRateHz;
        _alpha = FilterTimeConstantSeconds / (FilterTimeConstantSeconds + _dt);
        _accelSigmaDegrees = Math.Asin(AccelNoiseDensityG * Math.Sqrt(AccelBandwidthHz)) * 180 / Math.PI;
        _gyroSigmaDegPerSecond = GyroNoiseDensityDegPerSecond * Math.Sqrt(GyroBandwidthHz);
        for (int c = 0; c < Channels; c++)
        {
            _bias[c] = InitialGyroBiasDegPerSecond * noise.Gaussian();
            _error[c] = _bias[c] * FilterTimeConstantSeconds;
        }

        for (int i = 0; i < _sway.Length; i++)
        {
            _sway[i] = (sway.Uniform(0.05, 0.12), sway.Uniform(0.05, 0.35), sway.Uniform(0, 2 * Math.PI));
        }
    }

    /// <summary>The next sample's error (sensor plus sway) at <paramref name="trueSeconds"/>.</summary>
    public PostureAngles Next(double trueSeconds)
    {
        Span<double> e = stackalloc double[Channels];
        for (int c = 0; c < Channels; c++)
        {
            _bias[c] += GyroBiasWalkPerSample * _random.Gaussian();
            double gyro = (_gyroSigmaDegPerSecond * _random.Gaussian()) + _bias[c];
            double accel = _accelSigmaDegrees * _random.Gaussian();
            _error[c] = (_alpha * (_error[c] + (gyro * _dt))) + ((1 - _alpha) * accel);
            var (a1, f1, p1) = _sway[2 * c];
            var (a2, f2, p2) = _sway[(2 * c) + 1];
            e[c] = _error[c] + (a1 * Math.Sin((2 * Math.PI * f1 * trueSeconds) + p1)) + (a2 * Math.Sin((2 * Math.PI * f2 * trueSeconds) + p2));
        }

        return new PostureAngles(e[0], e[1], e[2], e[3]);
    }
}
