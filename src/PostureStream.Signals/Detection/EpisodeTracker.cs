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
/// One kind of sustained episode (DESIGN §6) for one device: the hysteresis state, the episode clock,
/// the excursion clock, the peak. Works on a normalised value <c>x</c> that grows toward the bad posture
/// (−lordosis_delta for flattening, +lordosis_delta for hyper-extension), so one rule serves both kinds:
/// the condition starts when x ≥ start and stops when x &lt; end.
/// </summary>
/// <remarks>
/// Clocks: each sample stands for the device-time interval since the previous one (none after a gap).
/// That interval adds to the episode clock when the sample is sitting or standing with the condition on,
/// and to the excursion clock when the condition is off (any activity; gaps and invalid samples freeze
/// both). The episode raises on the first sample whose clock reaches the sustain time, ends on the first
/// sample whose excursion clock exceeds the tolerance.
/// </remarks>
internal struct EpisodeTracker
{
    private long _accumulatedMicros;
    private long _excursionMicros;
    private long _nextReminderMicros;
    private double _peak;
    private bool _active;
    private bool _open;
    private bool _raised;

    public readonly bool Active => _active;

    public readonly bool Open => _open;

    public readonly bool Raised => _raised;

    public readonly long AccumulatedMicros => _accumulatedMicros;

    /// <summary>Peak of the normalised value (the caller restores the sign).</summary>
    public readonly double Peak => _peak;

    public long StartMicros { readonly get; private set; }

    public DateTime StartUtc { readonly get; private set; }

    /// <summary>One valid sample (detection can run). <paramref name="dt"/> is 0 after a gap.</summary>
    public EpisodeStep Step(in PostureInput s, double x, double start, double end, bool accumulate, long dt, DetectionRules rules)
    {
        bool was = _active;
        _active = was ? x >= end : x >= start;
        if (!_open)
        {
            if (_active)
            {
                _open = true;
                _raised = false;
                _accumulatedMicros = 0;
                _excursionMicros = 0;
                _peak = x;
                StartMicros = s.DeviceMicros;
                StartUtc = s.Utc;
            }

            return EpisodeStep.None;
        }

        if (!_active)
        {
            _excursionMicros = was ? 0 : _excursionMicros + dt;
            if (_excursionMicros > rules.ExcursionMicros)
            {
                return End();
            }

            return EpisodeStep.None;
        }

        _excursionMicros = 0;
        if (!accumulate)
        {
            return EpisodeStep.None;
        }

        _accumulatedMicros += dt;
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

    /// <summary>Ends the episode now (long gap, new segment, end of stream). Cleared when it had raised.</summary>
    public EpisodeStep End()
    {
        bool wasRaised = _open && _raised;
        _open = false;
        _raised = false;
        return wasRaised ? EpisodeStep.Cleared : EpisodeStep.None;
    }

    /// <summary>Forgets the hysteresis state too (new segment).</summary>
    public void Reset()
    {
        _active = false;
        _open = false;
        _raised = false;
    }
}
