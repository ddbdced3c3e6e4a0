namespace PostureStream.Signals;

/// <summary>
/// What detection's walking reports tell the automatic standing neutral. Before any neutral exists, sitting cannot be
/// told from standing, but walking can be recognised: so only the quiet seconds that follow a walk of at least
/// <see cref="CalibrationOptions.MinWalkingForAuto"/> closely (<see cref="CalibrationOptions.AutoQuietWithin"/>) with
/// the pelvis where it was during the walk (<see cref="CalibrationOptions.AutoMaxPelvisChangeDegrees"/>) are trusted
/// to be standing. Fed on the pipeline's thread only.
/// </summary>
internal sealed class WalkingCue
{
    private readonly long minimumWalkMicroseconds;
    private readonly long followUpMicroseconds;
    private readonly long windowMicroseconds;
    private readonly double maxPelvisChange;
    private bool walking;
    private bool qualified;
    private long endedAt;
    private double pelvisSum;
    private int pelvisCount;
    private double walkPelvis = double.NaN;

    public WalkingCue(CalibrationOptions options)
    {
        minimumWalkMicroseconds = (long)options.MinWalkingForAuto.TotalMicroseconds;
        followUpMicroseconds = (long)options.AutoQuietWithin.TotalMicroseconds;
        windowMicroseconds = (long)(options.QuietWindow + options.QuietSampleInterval).TotalMicroseconds;
        maxPelvisChange = options.AutoMaxPelvisChangeDegrees;
    }

    /// <summary>The wearer walks now (as detection last reported).</summary>
    public bool IsWalking => walking;

    /// <summary>A long enough walk was seen and the time in which a quiet window may follow it has not run out.</summary>
    public bool IsArmed => qualified;

    /// <summary>Detection's report after a frame: the current walk's length (zero when not walking), at the frame's last sample.</summary>
    public void Report(TimeSpan walkDuration, long lastSampleMicroseconds)
    {
        if (walkDuration > TimeSpan.Zero)
        {
            if (!walking)
            {
                walking = true;
                pelvisSum = 0;
                pelvisCount = 0;
            }

            qualified |= walkDuration.TotalMicroseconds >= minimumWalkMicroseconds;
        }
        else if (walking)
        {
            walking = false;
            endedAt = lastSampleMicroseconds;
            if (pelvisCount > 0)
            {
                walkPelvis = pelvisSum / pelvisCount;
            }
        }
    }

    /// <summary>A low-passed sample: while walking, its pelvis pitch joins the walk's mean; after it, the follow-up time may run out.</summary>
    public void Sample(long deviceMicroseconds, double pelvisPitchDegrees)
    {
        if (walking)
        {
            if (!double.IsNaN(pelvisPitchDegrees))
            {
                pelvisSum += pelvisPitchDegrees;
                pelvisCount++;
            }
        }
        else if (qualified && deviceMicroseconds > endedAt + followUpMicroseconds + windowMicroseconds)
        {
            // No window that started in time can complete any more: wait for the next walk.
            qualified = false;
        }
    }

    /// <summary>Whether a quiet window starting at <paramref name="windowStartMicroseconds"/> with this pelvis pitch may be the standing neutral.</summary>
    public bool Admits(long windowStartMicroseconds, double pelvisPitchDegrees) =>
        qualified && !walking
        && windowStartMicroseconds <= endedAt + followUpMicroseconds
        && Math.Abs(pelvisPitchDegrees - walkPelvis) <= maxPelvisChange;

    /// <summary>The neutral was taken: a new one needs a new walk.</summary>
    public void Disarm() => qualified = false;
}
