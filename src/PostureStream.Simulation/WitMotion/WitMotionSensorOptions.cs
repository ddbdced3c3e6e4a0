namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// One simulated WitMotion sensor (WT901 family). Null values are drawn from the seed. Defaults: 50 Hz output,
/// a mounting drawn by <see cref="SensorMounting.Draw"/>, BLE-like delivery (<see cref="WitMotionLinkProfile.Ble"/>),
/// clock skew uniform in ±3000 ppm, noise and fusion error on, no time packets.
/// </summary>
public sealed record WitMotionSensorOptions
{
    /// <summary>Output rate the sensor was set to (its RATE register), Hz. 0.2–200 on these sensors; default 50.</summary>
    public double SampleRateHz { get; init; } = 50;

    public SensorMounting? Mounting { get; init; }

    /// <summary>The sensor taken off and stuck on again another way during the scenario (null: never).</summary>
    public SensorReattachment? Reattached { get; init; }

    public WitMotionLinkProfile Link { get; init; } = WitMotionLinkProfile.Ble;

    /// <summary>How fast the sensor's own oscillator runs against true time, ppm (+ = samples come faster).</summary>
    public double? ClockSkewPpm { get; init; }

    /// <summary>
    /// The sensor sends its own clock (the 0x50 time packet, before each sample's packets, as a serial WT901 does when
    /// the TIME bit of its return-content register is on). Serial only; default off, as on the real sensors.
    /// </summary>
    public bool TimePackets { get; init; }

    /// <summary>
    /// Whether the sensor's clock was set (a date drawn from the seed) or never was: then it counts from 00:00:00 at
    /// power-up and its time packets carry zeros for the date. Default true.
    /// </summary>
    public bool ClockSet { get; init; } = true;

    /// <summary>Noise, quantisation and the onboard fusion's error; off gives the true orientation (still quantised).</summary>
    public bool Noise { get; init; } = true;

    public void Validate()
    {
        if (SampleRateHz is < 0.2 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRateHz), $"sample rate must be 0.2–200 Hz, got {SampleRateHz}");
        }

        if (ClockSkewPpm is { } skew && Math.Abs(skew) > 20000)
        {
            throw new ArgumentOutOfRangeException(nameof(ClockSkewPpm), $"clock skew must be within ±20000 ppm, got {skew}");
        }

        if (Mounting is { OffNormalDegrees: < 0 or > 90 })
        {
            throw new ArgumentOutOfRangeException(nameof(Mounting), $"off-normal tilt must be 0–90°, got {Mounting.OffNormalDegrees}");
        }

        if (Reattached is { } again && (again.At < TimeSpan.Zero || again.Mounting.OffNormalDegrees is < 0 or > 90))
        {
            throw new ArgumentOutOfRangeException(nameof(Reattached), $"a re-attachment needs a time ≥ 0 and an off-normal tilt of 0–90°, got {again}");
        }

        Link.Validate();
    }
}
