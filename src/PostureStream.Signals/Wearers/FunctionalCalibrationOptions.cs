namespace PostureStream.Signals.Wearers;

/// <summary>The functional calibration's rules (<see cref="FunctionalCalibration"/>); defaults documented and validated.</summary>
public sealed record FunctionalCalibrationOptions
{
    /// <summary>How long the wearer stands still for the neutral. Default 5 s.</summary>
    public TimeSpan StillWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Still means every up direction of the window within this of the window's mean, per sensor. Default 2°.</summary>
    public double StillToleranceDegrees { get; init; } = 2;

    /// <summary>The bend counts once the lumbar sensor has turned this far from neutral. Default 30°.</summary>
    public double MinBendDegrees { get; init; } = 30;

    /// <summary>Each sensor must turn at least this far in the bend for its axis to be found. Default 8°.</summary>
    public double MinSensorTurnDegrees { get; init; } = 8;

    /// <summary>The bend is over when the lumbar sensor is back within this of neutral. Default 10°.</summary>
    public double BackUpDegrees { get; init; } = 10;

    /// <summary>
    /// The bend, down and back up (from the lower back leaving <see cref="BackUpDegrees"/> to its return), must take at
    /// least this: a quick one leaves the sensors' own fusion behind the true tilt. Default 2 s.
    /// </summary>
    public TimeSpan MinBendDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The bend must start within this after the neutral was taken. Default 30 s.</summary>
    public TimeSpan BendWithin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A stored neutral direction this far from today's marks the sensor re-attached (calibration stale). Default 8°.</summary>
    public double MovedDegrees { get; init; } = 8;

    public FunctionalCalibrationOptions Validate()
    {
        if (StillWindow < TimeSpan.FromSeconds(1) || BendWithin <= TimeSpan.Zero || MinBendDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StillWindow), "StillWindow must be ≥ 1 s, BendWithin positive and MinBendDuration not negative");
        }

        if (StillToleranceDegrees <= 0 || MinSensorTurnDegrees <= 0 || BackUpDegrees <= 0 || MinBendDegrees <= BackUpDegrees || MovedDegrees <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBendDegrees), "angles must be positive and MinBendDegrees above BackUpDegrees");
        }

        return this;
    }
}
