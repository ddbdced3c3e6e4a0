using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

/// <summary>
/// A held posture for <see cref="PostureInputBuilder"/>: relative angles (degrees from the standing
/// neutral) from which the builder derives the absolute ones, plus an optional gait oscillation.
/// </summary>
internal sealed record Pose(
    double PelvicTilt = 0,
    double LumbarFlexion = 0,
    double DeltaStanding = 0,
    double DeltaSitting = 0,
    PostureInputFlags Flags = PostureInputFlags.None,
    double GaitHz = 0,
    double GaitAmplitude = 0,
    double? LumbarPitch = null,
    double? PelvisPitch = null,
    double LumbarRoll = 0,
    double PelvisRoll = 0)
{
    /// <summary>Standing neutral pitch of the lumbar sensor (absolute, degrees).</summary>
    public const double NeutralLumbarPitch = 5;

    /// <summary>Standing neutral pitch of the pelvis sensor (absolute, degrees).</summary>
    public const double NeutralPelvisPitch = 15;

    /// <summary>Sitting shifts the pelvis back by this much (its own neutral).</summary>
    public const double SittingTilt = -20;

    /// <summary>Sitting neutral lordosis is this much below the standing one.</summary>
    public const double SittingLordosisShift = -12;

    public static Pose Standing(double delta = 0) => new(DeltaStanding: delta, DeltaSitting: delta - SittingLordosisShift);

    /// <summary>Sitting with a lordosis delta against the SITTING neutral.</summary>
    public static Pose Sitting(double delta = 0) => new(PelvicTilt: SittingTilt, DeltaSitting: delta, DeltaStanding: delta + SittingLordosisShift);

    public static Pose Walking(double delta = 0, double hz = 1.9, double amplitude = 3) =>
        Standing(delta) with { GaitHz = hz, GaitAmplitude = amplitude };

    public static Pose Bending(double lumbarFlexion, double pelvicTilt, double delta = 0) =>
        new(PelvicTilt: pelvicTilt, LumbarFlexion: lumbarFlexion, DeltaStanding: delta, DeltaSitting: delta - SittingLordosisShift);

    /// <summary>Lying on the back: both sensors tilted ~85° backwards.</summary>
    public static Pose LyingSupine(double delta = 0) =>
        Standing(delta) with { LumbarPitch = -80, PelvisPitch = -85, LumbarFlexion = -85, PelvicTilt = -100 };

    public static Pose Uncalibrated() => new(Flags: PostureInputFlags.Uncalibrated, PelvicTilt: double.NaN, LumbarFlexion: double.NaN, DeltaStanding: double.NaN, DeltaSitting: double.NaN);

    public static Pose LumbarFault(double delta = 0) => Standing(delta) with { Flags = PostureInputFlags.LumbarFault, LumbarPitch = double.NaN };
}
