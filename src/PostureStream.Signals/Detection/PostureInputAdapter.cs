namespace PostureStream.Signals.Detection;

/// <summary>Turns the conditioned samples of the signal stages into the detector's input.</summary>
public static class PostureInputAdapter
{
    /// <summary>Fills <paramref name="destination"/> from a frame's samples; returns how many.</summary>
    public static int Fill(PostureFrame frame, Span<PostureInput> destination)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ReadOnlySpan<PostureSample> samples = frame.Samples;
        for (int i = 0; i < samples.Length; i++)
        {
            destination[i] = From(in samples[i]);
        }

        return samples.Length;
    }

    public static PostureInput From(in PostureSample s)
    {
        var flags = PostureInputFlags.None;
        if ((s.Marks & SampleMarks.Gap) != 0)
        {
            flags |= PostureInputFlags.GapBefore;
        }

        if ((s.Marks & SampleMarks.SegmentStart) != 0)
        {
            flags |= PostureInputFlags.SegmentStart;
        }

        if ((s.Faults & SensorFaults.Lumbar) != 0)
        {
            flags |= PostureInputFlags.LumbarFault;
        }

        if ((s.Faults & SensorFaults.Pelvis) != 0)
        {
            flags |= PostureInputFlags.PelvisFault;
        }

        flags |= s.Calibration switch
        {
            CalibrationState.Uncalibrated => PostureInputFlags.Uncalibrated,
            CalibrationState.Stale => PostureInputFlags.CalibrationStale,
            _ => PostureInputFlags.None,
        };

        SensorAngles f = s.Filtered;
        return new PostureInput(
            s.DeviceMicroseconds,
            DateTime.UnixEpoch.AddTicks(s.UtcMicroseconds * TimeSpan.TicksPerMicrosecond),
            f.LumbarPitchDegrees,
            f.LumbarRollDegrees,
            f.PelvisPitchDegrees,
            f.PelvisRollDegrees,
            s.PelvisPitchDespikedDegrees,
            s.PelvicTiltDegrees,
            s.LumbarFlexionDegrees,
            s.LordosisDeltaStandingDegrees,
            s.LordosisDeltaSittingDegrees,
            flags,
            s.GapMicroseconds);
    }
}
