namespace PostureStream.Signals.Detection;

/// <summary>
/// The activity rules (Detection README) for one device, with their 1 s debounce in device time.
/// </summary>
/// <remarks>
/// Raw order per sample: lying (held ≥ 10 s), bending, walking, sitting, standing, else unknown.
/// Bending is the quicker judgement, yet lying comes first: a 10 s lying hold is what keeps a deep hip-hinge bend
/// from being lying, and letting a held lying posture win over bending keeps lying face-down (whose
/// lumbar pitch is far forward) from reading as an endless bend. A hinge held over 10 s with both
/// sensors past 60° does then read as lying; episodes pause in both, so alerts do not change.
/// </remarks>
internal struct ActivityClassifier
{
    private long _candidateSinceMicros;
    private long _lyingSinceMicros;
    private Activity _current;
    private Activity _candidate;
    private Activity _raw;
    private bool _started;

    public readonly Activity Current => _current;

    /// <summary>The undebounced judgement of the last sample.</summary>
    public readonly Activity Raw => _raw;

    /// <summary>The last sample had both sensors far from upright (lying, or a deep bend), held or not.</summary>
    public readonly bool InLyingPose => _lyingSinceMicros >= 0;

    /// <summary>Starts over: the next sample's activity is taken at once.</summary>
    public void Restart()
    {
        _started = false;
        _lyingSinceMicros = -1;
        _current = Activity.Unknown;
    }

    /// <summary>After a gap: the lying hold and any pending change start again, the current activity stays.</summary>
    public void AfterGap()
    {
        _lyingSinceMicros = -1;
        _candidate = _current;
    }

    /// <summary>Judges one sample and returns the debounced activity.</summary>
    public Activity Update(in PostureInput s, bool walking, bool lumbarOk, bool pelvisOk, DetectionRules rules)
    {
        Activity raw = Judge(in s, walking, lumbarOk, pelvisOk, rules);
        _raw = raw;
        if (!_started)
        {
            _started = true;
            _current = raw;
            _candidate = raw;
            return raw;
        }

        if (raw == _current)
        {
            _candidate = raw;
        }
        else if (raw != _candidate)
        {
            _candidate = raw;
            _candidateSinceMicros = s.DeviceMicros;
            if (rules.DebounceMicros == 0)
            {
                _current = raw;
            }
        }
        else if (s.DeviceMicros - _candidateSinceMicros >= rules.DebounceMicros)
        {
            _current = raw;
        }

        return _current;
    }

    private Activity Judge(in PostureInput s, bool walking, bool lumbarOk, bool pelvisOk, DetectionRules rules)
    {
        bool lyingPose = lumbarOk && pelvisOk
            && FarFromUpright(s.LumbarPitch, s.LumbarRoll, rules.LyingDegrees)
            && FarFromUpright(s.PelvisPitch, s.PelvisRoll, rules.LyingDegrees);
        if (!lyingPose)
        {
            _lyingSinceMicros = -1;
        }
        else if (_lyingSinceMicros < 0)
        {
            _lyingSinceMicros = s.DeviceMicros;
        }

        if (lyingPose && s.DeviceMicros - _lyingSinceMicros >= rules.LyingMicros)
        {
            return Activity.Lying;
        }

        if (lumbarOk && s.LumbarFlexion > rules.BendingDegrees)
        {
            return Activity.Bending;
        }

        if (walking)
        {
            return Activity.Walking;
        }

        if (pelvisOk && !double.IsNaN(s.PelvicTilt))
        {
            return s.PelvicTilt <= rules.SittingTiltDegrees ? Activity.Sitting : Activity.Standing;
        }

        return Activity.Unknown;
    }

    private static bool FarFromUpright(double pitch, double roll, double limit) =>
        Math.Abs(pitch) > limit || Math.Abs(roll) > limit;
}
