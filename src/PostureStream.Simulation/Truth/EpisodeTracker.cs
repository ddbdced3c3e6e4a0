using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Truth;

/// <summary>
/// One episode kind (flattening or hyper-extension) run over the intended lordosis delta, sample by
/// sample, the way the Detection README states it. Time accumulates between consecutive samples that are both
/// sitting or standing with the condition in force; anything else (walking, bending, lying, a sensor
/// fault, a gap, an excursion) pauses it. While paused by activity, fault or gap the hysteresis state
/// is frozen. An excursion is measured from its first sample past the end threshold; the episode ends
/// at the first sample where it has lasted more than the allowed excursion.
/// </summary>
internal sealed class EpisodeTracker
{
    private readonly EpisodeRules _rules;
    private readonly string _kind;
    private readonly double _sign;
    private readonly double _start;
    private readonly double _end;
    private readonly List<TruthAlert> _alerts;
    private readonly List<TruthSpan> _subThreshold;
    private bool _active;
    private bool _raised;
    private long _episodeStart;
    private long _accumulated;
    private int _reminders;
    private double _peak;
    private long? _excursionStart;
    private bool _previousAccumulated;
    private long _previous;

    public EpisodeTracker(string kind, bool flattening, EpisodeRules rules, List<TruthAlert> alerts, List<TruthSpan> subThreshold)
    {
        _rules = rules;
        _kind = kind;
        _sign = flattening ? -1 : 1;
        _start = _sign * (flattening ? rules.FlatteningStartDegrees : rules.HyperextensionStartDegrees);
        _end = _sign * (flattening ? rules.FlatteningEndDegrees : rules.HyperextensionEndDegrees);
        _alerts = alerts;
        _subThreshold = subThreshold;
    }

    public void Step(long us, uint tick, Activity activity, double delta, bool fault, bool gap, bool longGap)
    {
        long previous = _previous;
        _previous = us;
        if (gap)
        {
            _previousAccumulated = false;
            if (longGap && _active)
            {
                End(us, tick, activity);
            }
        }

        if (fault || !Activities.IsSittingOrStanding(activity))
        {
            _previousAccumulated = false;
            return;
        }

        double v = _sign * delta;
        if (!_active)
        {
            if (v >= _start)
            {
                _active = true;
                _raised = false;
                _episodeStart = us;
                _accumulated = 0;
                _reminders = 0;
                _peak = delta;
                _excursionStart = null;
                _previousAccumulated = true;
            }

            return;
        }

        if (v < _end)
        {
            _excursionStart ??= us;
            _previousAccumulated = false;
            if (us - _excursionStart.Value > (long)_rules.MaxExcursion.TotalMicroseconds)
            {
                End(us, tick, activity);
            }

            return;
        }

        _excursionStart = null;
        if (_previousAccumulated)
        {
            _accumulated += us - previous;
        }

        _previousAccumulated = true;
        _peak = _sign > 0 ? Math.Max(_peak, delta) : Math.Min(_peak, delta);
        long sustain = (long)_rules.Sustain.TotalMicroseconds;
        long reminder = (long)_rules.ReminderInterval.TotalMicroseconds;
        if (!_raised && _accumulated >= sustain)
        {
            _raised = true;
            Emit("raised", us, tick, activity);
        }
        else if (_raised && reminder > 0 && _accumulated >= sustain + ((_reminders + 1) * reminder))
        {
            _reminders++;
            Emit("reminder", us, tick, activity);
        }
    }

    /// <summary>Ends an open episode at the last sample of the stream.</summary>
    public void Finish(long us, uint tick, Activity activity)
    {
        if (_active)
        {
            End(us, tick, activity);
        }
    }

    private void End(long us, uint tick, Activity activity)
    {
        if (_raised)
        {
            Emit("cleared", us, tick, activity);
        }
        else
        {
            _subThreshold.Add(new TruthSpan("sub-threshold", _episodeStart, us));
        }

        _active = false;
        _raised = false;
        _excursionStart = null;
        _previousAccumulated = false;
    }

    private void Emit(string phase, long us, uint tick, Activity activity) =>
        _alerts.Add(new TruthAlert(_kind, phase, us, tick, _episodeStart, Math.Round(_accumulated / 1e6, 3), Math.Round(_peak, 3), Activities.Name(activity)));
}
