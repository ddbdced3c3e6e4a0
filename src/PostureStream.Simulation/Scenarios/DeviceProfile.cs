using PostureStream.Protocol;
using PostureStream.Simulation.Imu;

namespace PostureStream.Simulation.Scenarios;

/// <summary>
/// The simulated device and its link. Null values are drawn from the seed. Defaults: 100 Hz,
/// 10 samples a frame, clock skew uniform in ±5000 ppm (±0.5 %), a random start tick, STATUS every
/// 10 s, 0.05 % of SAMPLES frames lost, no corrupted bytes, tick jitter ±20 µs, battery from 96 %
/// draining 6 %/h.
/// </summary>
public sealed record DeviceProfile
{
    public ushort SampleRateHz { get; init; } = 100;

    public int SamplesPerFrame { get; init; } = 10;

    /// <summary>How fast the device clock runs against true time, parts per million (+ = device ticks run fast).</summary>
    public double? ClockSkewPpm { get; init; }

    /// <summary>The tick of the first sample (u32 µs); near 2^32 exercises the wrap.</summary>
    public uint? StartTick { get; init; }

    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Probability that a SAMPLES frame is lost on the link (its seq is used, so the host counts it lost).</summary>
    public double DropoutRate { get; init; } = 0.0005;

    /// <summary>Probability that a byte on the wire has one bit flipped. 0 = a clean link.</summary>
    public double CorruptionRate { get; init; }

    /// <summary>Largest deviation of a sample's tick from its nominal time, µs.</summary>
    public double TickJitterMicroseconds { get; init; } = 20;

    public ulong? DeviceId { get; init; }

    /// <summary>The HELLO name (at most 32 UTF-8 bytes). Default "sim-" + scenario name, cut to fit.</summary>
    public string? Name { get; init; }

    public double BatteryStartPercent { get; init; } = 96;

    public double BatteryDrainPercentPerHour { get; init; } = 6;

    /// <summary>Sensor noise and drift (MPU-6050 figures); off gives the intended angles, quantised.</summary>
    public bool Noise { get; init; } = true;

    /// <summary>What the device sends: fused angles (SAMPLES, the default) or raw IMU readings (RAW).</summary>
    public DeviceOutput Output { get; init; } = DeviceOutput.PspAngles;

    /// <summary>The IMU a <c>psp-raw</c> device simulates. Default ICM-42688-P.</summary>
    public ImuModel ImuModel { get; init; } = ImuModel.Icm42688P;

    /// <summary>Accelerometer full scale of a <c>psp-raw</c> device, g (2, 4, 8, 16). Default 4.</summary>
    public byte AccelFullScaleG { get; init; } = 4;

    /// <summary>Gyroscope full scale of a <c>psp-raw</c> device, °/s (125 … 4000). Default 500.</summary>
    public ushort GyroFullScaleDps { get; init; } = 500;

    /// <summary>Standard deviation of each IMU's mounting rotation about each axis, degrees. Default 2°.</summary>
    public double MountingSigmaDegrees { get; init; } = 2;

    /// <summary>Samples per frame as sent: RAW carries at most 8, so a larger setting is cut to 8 for <c>psp-raw</c>.</summary>
    public int FrameSamples => Output == DeviceOutput.PspRaw ? Math.Min(SamplesPerFrame, PspLayout.MaxRawSamplesPerFrame) : SamplesPerFrame;

    public void Validate()
    {
        if (!RawFullScale.IsValidAccelerometer(AccelFullScaleG) || !RawFullScale.IsValidGyroscope(GyroFullScaleDps))
        {
            throw new ScenarioException($"device.accelFullScaleG must be 2, 4, 8 or 16 and device.gyroFullScaleDps 125, 250, 500, 1000, 2000 or 4000, got {AccelFullScaleG} and {GyroFullScaleDps}");
        }

        if (MountingSigmaDegrees is < 0 or > 30)
        {
            throw new ScenarioException($"device.mountingDegrees must be 0–30, got {MountingSigmaDegrees}");
        }

        if (SampleRateHz is < 10 or > 1000)
        {
            throw new ScenarioException($"device.sampleRateHz must be 10–1000, got {SampleRateHz}");
        }

        if (SamplesPerFrame is < 1 or > 16)
        {
            throw new ScenarioException($"device.samplesPerFrame must be 1–16, got {SamplesPerFrame}");
        }

        if (ClockSkewPpm is { } skew && Math.Abs(skew) > 20000)
        {
            throw new ScenarioException($"device.clockSkewPpm must be within ±20000, got {skew}");
        }

        if (StatusInterval <= TimeSpan.Zero)
        {
            throw new ScenarioException($"device.statusIntervalSeconds must be positive, got {StatusInterval.TotalSeconds}");
        }

        if (DropoutRate is < 0 or > 0.5 || CorruptionRate is < 0 or > 0.1)
        {
            throw new ScenarioException($"device.dropoutRate must be 0–0.5 and device.corruptionRate 0–0.1, got {DropoutRate} and {CorruptionRate}");
        }

        if (TickJitterMicroseconds < 0 || TickJitterMicroseconds > 1e6 / SampleRateHz / 4)
        {
            throw new ScenarioException($"device.tickJitterMicroseconds must be 0 to a quarter of the sample period, got {TickJitterMicroseconds}");
        }

        if (Name is not null && System.Text.Encoding.UTF8.GetByteCount(Name) > 32)
        {
            throw new ScenarioException($"device.name must be at most 32 UTF-8 bytes, got '{Name}'");
        }

        if (BatteryStartPercent is < 0 or > 100 || BatteryDrainPercentPerHour is < 0 or > 100)
        {
            throw new ScenarioException("device.batteryStartPercent must be 0–100 and device.batteryDrainPercentPerHour 0–100");
        }
    }
}
