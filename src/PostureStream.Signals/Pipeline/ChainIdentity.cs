namespace PostureStream.Signals.Pipeline;

/// <summary>
/// Who the device is and how fast it samples: what a source tells the chain before its first samples (and again
/// whenever it changes). A PSP device says it in HELLO; a device identified without one (defaults after the HELLO
/// hold, a WitMotion pair, host fusion) gives it here directly.
/// </summary>
/// <param name="Device">The identity every output is tagged with (the <c>device</c> and <c>device_id</c> tags); the calibration is kept under its id.</param>
/// <param name="NominalRateHz">The nominal sample rate, 1–10,000 Hz: the gap threshold (3 periods) and the low-pass design follow it.</param>
/// <param name="MissingSensors">Sensors the device does not have (PSP: missing from HELLO's sensor_mask): their values are unavailable at every sample.</param>
public sealed record ChainIdentity(DeviceIdentity Device, int NominalRateHz, SensorFaults MissingSensors = SensorFaults.None)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the rate is outside 1–10,000 Hz.</summary>
    public ChainIdentity Validate()
    {
        ArgumentNullException.ThrowIfNull(Device);
        if (NominalRateHz is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(NominalRateHz), NominalRateHz, "must be 1–10000 Hz");
        }

        return this;
    }
}
