namespace PostureStream.Signals.Detection;

/// <summary>What an episode did at a sample.</summary>
internal enum EpisodeStep : byte
{
    None = 0,
    Raised,
    Reminder,
    Cleared,
}

/// <summary>
/// One kind of sustained episode (Detection README) for one device: its hysteresis, clock, excursion and peak.
/// Works on a normalised value <c>x</c> that grows toward the bad posture (−lordosis_delta for
/// flattening, +lordosis_delta for hyper-extension), so one rule serves both kinds: the condition
/// starts when x ≥ start and stops when x &lt; end.
/// </summary>
/// <remarks>
/// <see cref="Step"/> is called only for samples that are sitting or standing with both sensors and a
/// neutral; every other sample (walking, bending, lying, unknown, fault, uncalibrated) calls
/// <see cref="Pause"/>, which freezes the hysteresis, the clock and any excursion, as does a gap.
/// The clock adds the device time between two consecutive counted samples (condition on, nothing
/// paused in between). An excursion is measured from its first sample past the end threshold; the
/// episode ends at the first sample at which it has lasted longer than the tolerance.
/// </remarks>
internal struct EpisodeTracker
{
    private long _accumulatedMicros;
    private long _excursionStartMicros;
    private long _nextReminderMicros;
    private long _previousCountedMicros;
    private double _peak;
    private bool _active;
    private bool _open;
    private bool _raised;
    private bool _previousCounted;
    private bool _inExcursion;

    public readonly long AccumulatedMicros => _accumulatedMicros;

    /// <summary>True from the first sample past the start threshold until the episode ends.</summary>
    public readonly bool IsOpen => _open;

    /// <summary>Peak of the normalised value (the caller restores the sign).</summary>
    public readonly double Peak => _peak;

    public long StartMicros { readonly get; private set; }

    public DateTime StartUtc { readonly get; private set; }

    /// <summary>A sample that cannot count (other activity, fault, no neutral, or right after a gap).</summary>
    public void Pause() => _previousCounted = false;

    /// <summary>One sitting or standing sample with a valid lordosis delta.</summary>
    public EpisodeStep Step(in PostureInput s, double x, double start, double end, DetectionRules rules)
    {
        bool was = _active;
        _active = was ? x >= end : x >= start;
        if (!_open)
        {
            if (_active)
            {
                _open = true;
                _raised = false;
                _inExcursion = false;
                _accumulatedMicros = 0;
                _peak = x;
                StartMicros = s.DeviceMicros;
                StartUtc = s.Utc;
                Counted(s.DeviceMicros);
            }

            return EpisodeStep.None;
        }

        if (!_active)
        {
            _previousCounted = false;
            if (!_inExcursion)
            {
                _inExcursion = true;
                _excursionStartMicros = s.DeviceMicros;
            }

            return s.DeviceMicros - _excursionStartMicros > rules.ExcursionMicros ? End() : EpisodeStep.None;
        }

        _inExcursion = false;
        if (_previousCounted)
        {
            _accumulatedMicros += s.DeviceMicros - _previousCountedMicros;
        }

        Counted(s.DeviceMicros);
        if (x > _peak)
        {
            _peak = x;
        }

        if (!_raised)
        {
            if (_accumulatedMicros >= rules.SustainMicros)
            {
                _raised = true;
                _nextReminderMicros = rules.ReminderMicros > 0 ? rules.SustainMicros + rules.ReminderMicros : long.MaxValue;
                return EpisodeStep.Raised;
            }
        }
        else if (_accumulatedMicros >= _nextReminderMicros)
        {
            _nextReminderMicros += rules.ReminderMicros;
            return EpisodeStep.Reminder;
        }

        return EpisodeStep.None;
    }

    /// <summary>Ends the episode now (excursion, long gap, new segment, end of stream). Cleared when it had raised.</summary>
    public EpisodeStep End()
    {
        bool wasRaised = _open && _raised;
        _open = false;
        _raised = false;
        _active = false;
        _previousCounted = false;
        return wasRaised ? EpisodeStep.Cleared : EpisodeStep.None;
    }

    private void Counted(long micros)
    {
        _previousCounted = true;
        _previousCountedMicros = micros;
    }
}
