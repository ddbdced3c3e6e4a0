namespace PostureStream.Simulation.Imu;

/// <summary>
/// Datasheet figures of a 6-axis MEMS IMU, which the simulated raw readings err by (Simulation README, raw IMUs).
/// Tolerances (± values in datasheets) are drawn per device as Gaussians with σ = tolerance / 3.
/// </summary>
/// <param name="Name">The name a scenario or <c>--imu</c> uses.</param>
/// <param name="AccelNoiseDensityG">Accelerometer noise spectral density, g/√Hz.</param>
/// <param name="GyroNoiseDensityDps">Gyroscope rate noise spectral density, °/s/√Hz.</param>
/// <param name="BandwidthHz">The anti-alias / digital low-pass bandwidth the noise is integrated over (capped at half the rate).</param>
/// <param name="GyroOffsetToleranceDps">Gyroscope zero-rate offset at turn-on, ± °/s.</param>
/// <param name="GyroOffsetTempcoDps">Zero-rate offset change with temperature, ± °/s per °C.</param>
/// <param name="GyroBiasWalkDps">Random walk of the zero-rate offset, °/s/√s (not in datasheets: an assumption, README).</param>
/// <param name="GyroScaleTolerance">Gyroscope sensitivity error, ± fraction.</param>
/// <param name="AccelOffsetToleranceG">Accelerometer zero-g offset (after soldering), ± g.</param>
/// <param name="AccelOffsetTempcoG">Zero-g offset change with temperature, ± g per °C.</param>
/// <param name="AccelScaleTolerance">Accelerometer sensitivity error, ± fraction.</param>
public sealed record ImuModel(
    string Name,
    double AccelNoiseDensityG,
    double GyroNoiseDensityDps,
    double BandwidthHz,
    double GyroOffsetToleranceDps,
    double GyroOffsetTempcoDps,
    double GyroBiasWalkDps,
    double GyroScaleTolerance,
    double AccelOffsetToleranceG,
    double AccelOffsetTempcoG,
    double AccelScaleTolerance)
{
    /// <summary>
    /// TDK InvenSense ICM-42688-P (datasheet DS-000347): 70 µg/√Hz, 0.0028 °/s/√Hz, gyro offset ±0.5 °/s and
    /// ±0.005 °/s/°C, accelerometer offset ±20 mg and ±0.15 mg/°C, sensitivity ±0.5 %; bandwidth half the rate.
    /// </summary>
    public static ImuModel Icm42688P { get; } = new("icm-42688-p", 70e-6, 0.0028, 1000, 0.5, 0.005, 0.0005, 0.005, 0.020, 0.15e-3, 0.005);

    /// <summary>
    /// InvenSense MPU-6050 (Product Specification PS-MPU-6000A-00 rev 3.4, §6.1–6.2): 400 µg/√Hz, 0.005 °/s/√Hz over
    /// the 44 Hz digital low-pass, gyro offset ±20 °/s and ±20 °/s over −40…85 °C (0.16 °/s/°C), accelerometer offset
    /// ±50 mg and ±35 mg over 0…70 °C (0.5 mg/°C), sensitivity ±3 %.
    /// </summary>
    public static ImuModel Mpu6050 { get; } = new("mpu-6050", 400e-6, 0.005, 44, 20, 0.16, 0.002, 0.03, 0.050, 0.5e-3, 0.03);

    public static IReadOnlyList<ImuModel> All { get; } = [Icm42688P, Mpu6050];

    /// <summary>The model of <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ImuModel? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
