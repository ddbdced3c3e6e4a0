namespace PostureStream.Signals.Detection;

/// <summary>
/// The running <c>posture_summary</c> minute of one device (Storage README, schema). Minutes are the UTC minutes of
/// the sample stamps; each sample counts for its device-time interval since the previous sample.
/// Time is summed in whole microseconds so a full minute is exactly 60 s.
/// </summary>
internal struct MinuteRollup
{
    private const int StateCount = 5;
    private const int ActivityCount = 6;

    private StateMicros _byState;
    private ActivityMicros _byActivity;
    private long _minute;
    private double _tiltSum;
    private double _tiltMin;
    private double _tiltMax;
    private double _deltaSum;
    private double _deltaMin;
    private double _deltaMax;
    private long _tiltCount;
    private long _deltaCount;
    private long _samples;
    private long _gaps;

    public readonly bool HasData => _samples > 0;

    /// <summary>True when this sample falls in a later minute than the one being summed (flush first).</summary>
    public readonly bool IsNewMinute(DateTime utc) => _samples > 0 && MinuteOf(utc) != _minute;

    public void Add(DateTime utc, long dt, PostureState state, Activity activity, double pelvicTilt, double lordosisDelta, bool gap)
    {
        if (_samples == 0)
        {
            Clear(MinuteOf(utc));
        }

        _samples++;
        if (gap)
        {
            _gaps++;
        }

        _byState[(int)state] += dt;
        _byActivity[(int)activity] += dt;
        if (!double.IsNaN(pelvicTilt))
        {
            _tiltCount++;
            _tiltSum += pelvicTilt;
            _tiltMin = Math.Min(_tiltMin, pelvicTilt);
            _tiltMax = Math.Max(_tiltMax, pelvicTilt);
        }

        if (!double.IsNaN(lordosisDelta))
        {
            _deltaCount++;
            _deltaSum += lordosisDelta;
            _deltaMin = Math.Min(_deltaMin, lordosisDelta);
            _deltaMax = Math.Max(_deltaMax, lordosisDelta);
        }
    }

    /// <summary>The finished minute; the rollup is empty afterwards.</summary>
    public MinuteSummary Take(DeviceIdentity device)
    {
        var summary = new MinuteSummary(
            device,
            new DateTime(_minute * TimeSpan.TicksPerMinute, DateTimeKind.Utc),
            Seconds(_byState[(int)PostureState.Neutral]),
            Seconds(_byState[(int)PostureState.Flattened]),
            Seconds(_byState[(int)PostureState.Hyperextended]),
            Seconds(_byState[(int)PostureState.Uncalibrated]),
            Seconds(_byState[(int)PostureState.SensorFault]),
            Seconds(_byActivity[(int)Activity.Standing]),
            Seconds(_byActivity[(int)Activity.Sitting]),
            Seconds(_byActivity[(int)Activity.Walking]),
            Seconds(_byActivity[(int)Activity.Bending]),
            Seconds(_byActivity[(int)Activity.Lying]),
            Seconds(_byActivity[(int)Activity.Unknown]),
            _tiltCount > 0 ? _tiltSum / _tiltCount : double.NaN,
            _tiltCount > 0 ? _tiltMin : double.NaN,
            _tiltCount > 0 ? _tiltMax : double.NaN,
            _deltaCount > 0 ? _deltaSum / _deltaCount : double.NaN,
            _deltaCount > 0 ? _deltaMin : double.NaN,
            _deltaCount > 0 ? _deltaMax : double.NaN,
            _samples,
            _gaps);
        _samples = 0;
        return summary;
    }

    private void Clear(long minute)
    {
        _minute = minute;
        _byState = default;
        _byActivity = default;
        _tiltSum = 0;
        _tiltCount = 0;
        _tiltMin = double.PositiveInfinity;
        _tiltMax = double.NegativeInfinity;
        _deltaSum = 0;
        _deltaCount = 0;
        _deltaMin = double.PositiveInfinity;
        _deltaMax = double.NegativeInfinity;
        _gaps = 0;
    }

    private static long MinuteOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMinute;

    private static double Seconds(long micros) => micros / 1e6;

    [System.Runtime.CompilerServices.InlineArray(StateCount)]
    private struct StateMicros
    {
        private long _element;
    }

    [System.Runtime.CompilerServices.InlineArray(ActivityCount)]
    private struct ActivityMicros
    {
        private long _element;
    }
}
