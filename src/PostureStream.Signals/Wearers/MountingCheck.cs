namespace PostureStream.Signals.Wearers;

/// <summary>
/// Has a sensor been re-attached since its functional calibration? Through a valid alignment, standing in neutral
/// reads about 0° pitch and roll on both segments; a standing neutral the chain takes (the <c>calibrate</c> command,
/// the dashboard, or after a walk) that reads more than <see cref="FunctionalCalibrationOptions.MovedDegrees"/>
/// (default 8°) on a segment means that sensor's neutral gravity direction has moved: its alignment is stale, and a
/// new functional calibration is asked for.
/// </summary>
public static class MountingCheck
{
    /// <summary>The segments whose sensor looks moved, judged from a standing neutral measured through the alignments.</summary>
    public static IReadOnlyList<WearerSegment> Moved(SensorAngles standingNeutral, double movedDegrees)
    {
        var moved = new List<WearerSegment>(2);
        if (Tilt(standingNeutral.LumbarPitchDegrees, standingNeutral.LumbarRollDegrees) > movedDegrees)
        {
            moved.Add(WearerSegment.Lumbar);
        }

        if (Tilt(standingNeutral.PelvisPitchDegrees, standingNeutral.PelvisRollDegrees) > movedDegrees)
        {
            moved.Add(WearerSegment.Pelvis);
        }

        return moved;
    }

    private static double Tilt(double pitch, double roll) => Math.Sqrt((pitch * pitch) + (roll * roll));
}
