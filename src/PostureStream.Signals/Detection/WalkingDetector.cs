namespace PostureStream.Signals.Detection;

/// <summary>
/// Recognises walking from the periodic pelvis pitch oscillation of gait (Detection README), on the
/// spike-filtered signal (before the 2 Hz low-pass, which would damp it). Needs no neutral, so the
/// calibration stage can run one to find "walking for at least 5 s" before any neutral exists.
/// </summary>
/// <remarks>
/// Per sample it costs two exponential averages and a comparison: a band-pass (a ~5 Hz smoother minus a
/// ~0.5 Hz baseline), a hysteresis of ± <see cref="DetectionOptions.WalkingMinAmplitudeDegrees"/> that
/// turns it into up-crossings, and the period between successive up-crossings, which must lie in
/// 1/<see cref="DetectionOptions.WalkingMaxFrequencyHz"/> … 1/<see cref="DetectionOptions.WalkingMinFrequencyHz"/>.
/// Walking starts after <see cref="DetectionOptions.WalkingCyclesToDetect"/> such periods in a row and
/// lasts until the signal stops swinging across the band (no swing for 5/8 of the longest period) or no
/// in-band period has ended for two longest periods. Everything is measured in device
/// microseconds, so any sample rate (100 Hz, 104 Hz) and a clock skew of a few per cent work alike.
/// Noise is held back by the smoother and the hysteresis; slow sway (0.5 Hz) has too long a period.
/// The result is not debounced: the engine's 1 s activity debounce comes on top.
/// A mutable struct (no allocation, ~100 bytes): keep it in a non-readonly field and call it through that field.
/// </remarks>
public struct WalkingDetector
{
    /// <summary>A gap in the data up to this long (0.5 s: a few lost frames) does not end a walk; a longer one does.</summary>
    public const long MaxBridgedGapMicros = 500_000;

    private const double FastCornerHz = 5.0;
    private const double SlowCornerHz = 0.5;

    private readonly WalkingRules _rules;
    private long _lastMicros;
    private long _lastDt;
    private double _alphaFast;
    private double _alphaSlow;
    private double _fast;
    private double _slow;
    private long _lastUpMicros;
    private long _lastValidCycleMicros;
    private long _lastSideChangeMicros;
    private long _walkingSinceMicros;
    private int _validCycles;
    private sbyte _side;
    private bool _primed;
    private bool _walking;

    public WalkingDetector(DetectionOptions options)
        : this(WalkingRules.From(options))
    {
    }

    internal WalkingDetector(WalkingRules rules)
    {
        _rules = rules;
        Reset();
    }

    /// <summary>True while the last sample was judged to be walking.</summary>
    public readonly bool IsWalking => _walking;

    /// <summary>Device time at which the current walk was recognised (−1 when not walking).</summary>
    public readonly long WalkingSinceMicros => _walking ? _walkingSinceMicros : -1;

    /// <summary>How long the current walk has lasted at <paramref name="nowMicros"/> (zero when not walking).</summary>
    public readonly TimeSpan WalkingDuration(long nowMicros) =>
        _walking ? TimeSpan.FromMicroseconds(Math.Max(0, nowMicros - _walkingSinceMicros)) : TimeSpan.Zero;

    /// <summary>Forgets everything (after a gap, a reset or a faulted sensor).</summary>
    public void Reset()
    {
        _primed = false;
        _walking = false;
        _validCycles = 0;
        _side = 0;
        _lastUpMicros = -1;
        _lastValidCycleMicros = -1;
        _walkingSinceMicros = -1;
        _lastDt = 0;
    }

    /// <summary>Feeds one spike-filtered pelvis pitch (degrees; NaN resets) and says whether the wearer walks.</summary>
    public bool Update(long deviceMicros, double pelvisPitch)
    {
        if (double.IsNaN(pelvisPitch))
        {
            Reset();
            return false;
        }

        if (!_primed)
        {
            _primed = true;
            _fast = pelvisPitch;
            _slow = pelvisPitch;
            _lastMicros = deviceMicros;
            return false;
        }

        long dt = deviceMicros - _lastMicros;
        if (dt <= 0)
        {
            return _walking;
        }

        _lastMicros = deviceMicros;
        if (dt != _lastDt)
        {
            // Exponential smoothing with the step's own length: any sample rate, uneven steps.
            _lastDt = dt;
            _alphaFast = dt / (WalkingRules.TauMicros(FastCornerHz) + dt);
            _alphaSlow = dt / (WalkingRules.TauMicros(SlowCornerHz) + dt);
        }

        _fast += _alphaFast * (pelvisPitch - _fast);
        _slow += _alphaSlow * (pelvisPitch - _slow);
        double band = _fast - _slow;

        if (band > _rules.Amplitude)
        {
            if (_side < 0)
            {
                OnUpCrossing(deviceMicros);
            }

            if (_side != 1)
            {
                _lastSideChangeMicros = deviceMicros;
            }

            _side = 1;
        }
        else if (band < -_rules.Amplitude)
        {
            if (_side != -1)
            {
                _lastSideChangeMicros = deviceMicros;
            }

            _side = -1;
        }

        if (_walking)
        {
            // Gait swings across the band every half period: a swing that does not come within
            // 5/8 of the longest period means the wearer stopped (keeps the end of a walk prompt).
            _walking = deviceMicros - _lastValidCycleMicros <= 2 * _rules.MaxPeriodMicros
                && deviceMicros - _lastSideChangeMicros <= _rules.MaxPeriodMicros * 5 / 8;
            if (!_walking)
            {
                _validCycles = 0;
            }
        }
        else if (_lastUpMicros >= 0 && deviceMicros - _lastUpMicros > _rules.MaxPeriodMicros)
        {
            _validCycles = 0;
        }

        return _walking;
    }

    private void OnUpCrossing(long deviceMicros)
    {
        if (_lastUpMicros >= 0)
        {
            long period = deviceMicros - _lastUpMicros;
            if (period >= _rules.MinPeriodMicros && period <= _rules.MaxPeriodMicros)
            {
                _validCycles++;
                _lastValidCycleMicros = deviceMicros;
                if (!_walking && _validCycles >= _rules.CyclesToDetect)
                {
                    _walking = true;
                    _walkingSinceMicros = deviceMicros;
                }
            }
            else
            {
                _validCycles = 0;
            }
        }

        _lastUpMicros = deviceMicros;
    }
}

/// <summary>The walking rules in device microseconds, shared by every device.</summary>
internal sealed class WalkingRules
{
    public required double Amplitude { get; init; }

    public required long MinPeriodMicros { get; init; }

    public required long MaxPeriodMicros { get; init; }

    public required int CyclesToDetect { get; init; }

    public static WalkingRules From(DetectionOptions options)
    {
        options.Validate();
        return new WalkingRules
        {
            Amplitude = options.WalkingMinAmplitudeDegrees,
            MinPeriodMicros = (long)Math.Round(1e6 / options.WalkingMaxFrequencyHz),
            MaxPeriodMicros = (long)Math.Round(1e6 / options.WalkingMinFrequencyHz),
            CyclesToDetect = options.WalkingCyclesToDetect,
        };
    }

    /// <summary>Time constant of a first-order smoother with this corner frequency, µs.</summary>
    public static double TauMicros(double cornerHz) => 1e6 / (2 * Math.PI * cornerHz);
}
