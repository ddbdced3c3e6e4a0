using PostureStream.Signals;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>A neutral just taken as the <c>posture_neutral</c> point that keeps its history (Storage README, schema).</summary>
internal static class NeutralMapping
{
    /// <summary>The point of the <paramref name="kind"/> neutral of <paramref name="record"/>, or null when it has none.</summary>
    public static PostureNeutralRecord? Taken(CalibrationRecord record, NeutralKind kind, DeviceSeries series)
    {
        ArgumentNullException.ThrowIfNull(record);
        if ((kind == NeutralKind.Standing ? record.Standing : record.Sitting) is not { } neutral)
        {
            return null;
        }

        SensorAngles a = neutral.Angles;
        return new PostureNeutralRecord(
            series,
            neutral.TakenAt.UtcDateTime,
            kind == NeutralKind.Standing ? Activity.Standing : Activity.Sitting,
            MethodOf(neutral.Source),
            a.LumbarPitchDegrees,
            a.LumbarRollDegrees,
            a.PelvisPitchDegrees,
            a.PelvisRollDegrees);
    }

    /// <summary>How the product took it, in the stored words.</summary>
    public static CalibrationMethod MethodOf(CalibrationSource source) => source switch
    {
        CalibrationSource.Command => CalibrationMethod.Command,
        CalibrationSource.DeviceButton => CalibrationMethod.Button,
        CalibrationSource.AfterWalking => CalibrationMethod.AfterWalking,
    };
}
