namespace PostureStream.Simulation.Scenarios;

/// <summary>
/// The wearer's anatomy as a scenario may fix it; null values are drawn from the seed:
/// standing pelvis pitch 0–23° (Signals README, angles: it varies that much from anatomy alone), standing
/// lordosis 16° + 0.6 × pelvis pitch ± 3°, sitting pelvis rotation 15–20° posterior, sitting
/// lordosis drop 11–13°.
/// </summary>
public sealed record WearerProfile
{
    public double? StandingPelvisPitchDegrees { get; init; }

    /// <summary>pelvis pitch − lumbar pitch in quiet standing.</summary>
    public double? StandingLordosisDegrees { get; init; }

    /// <summary>How far the pelvis rotates posteriorly from standing to upright sitting (positive).</summary>
    public double? SittingPelvisRotationDegrees { get; init; }

    /// <summary>How much lower the lordosis is in upright sitting than in standing (positive).</summary>
    public double? SittingLordosisDropDegrees { get; init; }

    public void Validate()
    {
        Check(StandingPelvisPitchDegrees, -10, 35, "standingPelvisPitch");
        Check(StandingLordosisDegrees, 0, 60, "standingLordosis");
        Check(SittingPelvisRotationDegrees, 12, 30, "sittingPelvisRotation");
        Check(SittingLordosisDropDegrees, 0, 30, "sittingLordosisDrop");
    }

    private static void Check(double? value, double min, double max, string name)
    {
        if (value is { } v && (v < min || v > max || double.IsNaN(v)))
        {
            throw new ScenarioException($"wearer.{name} must be {min}–{max}°, got {v}");
        }
    }
}
