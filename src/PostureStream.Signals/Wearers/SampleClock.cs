namespace PostureStream.Signals.Wearers;

/// <summary>
/// Estimates when each sample of a sensor without a usable clock was taken, from its nominal rate and the host times
/// its samples arrive (a minimum-delay fit):
/// <list type="bullet">
/// <item>Sample <c>k</c> was taken at <c>floor + k × period</c>: the <see cref="LowerEnvelope"/> of arrival against
/// index, which the least-delayed samples touch. Batching (BLE connection events) and host jitter only ever delay a
/// sample, so they lift points above the line without moving it; the period is fitted over the last 2 min, so a
/// drifting crystal is followed.</item>
/// <item>Each sample takes the next index. A lost sample shows as arrivals later than the usual delay spread
/// (<see cref="DelaySpread"/>) allows: the index jumps by as many periods as needed, and the samples still held
/// (<see cref="SampleClockOptions.FinalizeDelay"/>) that fit after the loss as well move with it.</item>
/// <item>An arrival more than <see cref="SampleClockOptions.GapAfter"/> later than the line allows is a gap (a lost
/// link, a reconnect): the line is re-anchored there, keeping the period, and that sample starts a segment.</item>
/// </list>
/// A sensor that sends its own clock (a serial WitMotion sensor with the 0x50 time packet on) gives each sample its
/// sensor time as well: then the sample's time is that sensor time mapped onto the host's clock
/// (<see cref="SensorClockLine"/>: a minimum-delay fit with the drift tracked), and there is nothing to infer — a
/// loss is a step of more than one period, a gap a step longer than <see cref="SampleClockOptions.GapAfter"/>. A
/// sensor clock that steps back, or forward by more than arrivals allow (someone set it), starts the line afresh at
/// that sample (no segment starts: no data was missed). A stream may switch between the two ways (time packets turned on or off): the new way
/// starts afresh.
/// <para>
/// Times come out in order, strictly increasing, <see cref="SampleClockOptions.FinalizeDelay"/> of host time after
/// the sample arrived. Not thread-safe: one stream, one caller.
/// </para>
/// </summary>
public sealed class SampleClock<T>
{
    /// <summary>
    /// A sensor clock may jump forward by this much before it is taken as set anew: a sample may arrive this much
    /// earlier than the line allows while the line's floor is still settling (a connection interval plus jitter).
    /// </summary>
    private const long JumpAfterMicroseconds = 150_000;

    private readonly SampleClockOptions _options;
    private readonly LowerEnvelope _envelope;
    private readonly DelaySpread _spread = new();
    private readonly SensorClockLine _sensorLine;
    private readonly long _nominalPeriod;
    private readonly List<Held> _held = [];
    private long? _lastSensor;
    private bool _arrivalLineStale;
    private int _head;
    private long _lastIndex = -1;
    private long _lastGiven = long.MinValue;
    private bool _startsSegment = true;

    public SampleClock(double nominalRateHz, SampleClockOptions? options = null)
    {
        if (!(nominalRateHz is > 0 and <= 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(nominalRateHz), nominalRateHz, "must be in (0, 10000] Hz");
        }

        _options = (options ?? new SampleClockOptions()).Validate();
        _envelope = new LowerEnvelope(1e6 / nominalRateHz, _options);
        _sensorLine = new SensorClockLine(_options);
        _nominalPeriod = (long)Math.Round(1e6 / nominalRateHz);
    }

    /// <summary>Sensor-clock jumps seen (the line started afresh), for diagnostics.</summary>
    public long ClockJumps { get; private set; }

    /// <summary>The fitted sample period, µs.</summary>
    public double PeriodMicroseconds => _envelope.Period;

    /// <summary>The usual delay spread above the floor, µs (for tests).</summary>
    internal double DelaySpreadMicroseconds => _spread.Upper;

    internal double FloorAt(long index) => _envelope.TimeOf(index);

    internal long LastIndex => _lastIndex;

    /// <summary>Samples judged lost so far (index jumps), and gaps (re-anchors after the first sample).</summary>
    public long InferredLosses { get; private set; }

    public long Gaps { get; private set; }

    /// <summary>Samples given to <see cref="Add"/> whose time has not been given out yet.</summary>
    public int HeldCount => _held.Count - _head;

    /// <summary>A sample that arrived at <paramref name="arrivalMicroseconds"/> (host monotonic clock; never decreasing).</summary>
    public void Add(long arrivalMicroseconds, T value) => Add(arrivalMicroseconds, null, value);

    /// <summary>
    /// A sample that arrived at <paramref name="arrivalMicroseconds"/> (host monotonic clock; never decreasing), with
    /// the sensor's own clock for it (µs, any epoch) when the sensor sends one.
    /// </summary>
    public void Add(long arrivalMicroseconds, long? sensorMicroseconds, T value)
    {
        if (sensorMicroseconds is { } sensor)
        {
            AddClocked(arrivalMicroseconds, sensor, value);
            return;
        }

        double arrival = arrivalMicroseconds;
        long index = _lastIndex + 1;
        double period = _envelope.Period;
        if (_lastIndex < 0 || _arrivalLineStale)
        {
            _envelope.Restart(index, arrival);
            if (_arrivalLineStale)
            {
                _arrivalLineStale = false;
                _startsSegment = true;
                Gaps++;
            }
        }
        else
        {
            (long minimumIndex, long behind) = _envelope.Roll(arrival);
            if (behind > 0)
            {
                // Losses no arrival showed: the count moves on from the bucket minimum, held samples with it.
                index += behind;
                InferredLosses += behind;
                ShiftHeldFrom(minimumIndex, behind);
                MoveHeldAfterLoss((int)behind, period, before: minimumIndex);
            }

            double residual = arrival - _envelope.TimeOf(index);
            // Half a period above the usual spread: a sample delivered late but in place never reaches it, a sample
            // one period further on (a loss before it) soon does.
            double upper = _spread.Upper + Math.Max(_options.Tolerance.TotalMicroseconds, period / 2);
            if (residual > upper + _options.GapAfter.TotalMicroseconds || residual < -_options.GapAfter.TotalMicroseconds)
            {
                // A reconnect, or a sensor restarted: keep the rate, start the line afresh at this sample.
                index += Math.Max(0, (long)Math.Floor(residual / period));
                _envelope.Restart(index, arrival);
                _startsSegment = true;
                Gaps++;
            }
            else if (residual > upper)
            {
                int lost = (int)Math.Ceiling((residual - upper) / period);
                index += lost;
                InferredLosses += lost;
                MoveHeldAfterLoss(lost, period, before: long.MaxValue);
            }
        }

        _envelope.Add(index, arrival);
        _held.Add(new Held(arrivalMicroseconds, index, value, _startsSegment, null));
        _startsSegment = false;
        _lastIndex = index;
        _lastSensor = null;
    }

    private void AddClocked(long arrival, long sensor, T value)
    {
        if (_lastSensor is not { } last)
        {
            // The first sample, or the first with a clock after samples without: the line starts here.
            _sensorLine.Restart(sensor, arrival);
            _startsSegment = true;
            if (_lastIndex >= 0)
            {
                Gaps++;
            }
        }
        else
        {
            if (sensor == last)
            {
                // The same clock again: this period's time packet was lost, so the reading kept the last one.
                sensor = last + _nominalPeriod;
            }

            long step = sensor - last;
            long residual = arrival - _sensorLine.TimeOf(sensor);
            if (step <= 0 || residual < -JumpAfterMicroseconds)
            {
                // The sensor clock was set (or wrapped at midnight, undated): keep the rate, start afresh here. The
                // samples still held are timed on the old line first: their sensor times mean nothing on the new one.
                // No data was missed, so no segment starts: the grid still interpolates across.
                SettleHeldOnSensorLine();
                _sensorLine.Restart(sensor, arrival);
                ClockJumps++;
            }
            else if (step > _options.GapAfter.TotalMicroseconds)
            {
                _startsSegment = true;
                Gaps++;
            }
            else if (step > _nominalPeriod * 3 / 2)
            {
                InferredLosses += Math.Max(0, (long)Math.Round((double)step / _nominalPeriod) - 1);
            }
        }

        _sensorLine.Add(sensor, arrival);
        _held.Add(new Held(arrival, _lastIndex, value, _startsSegment, sensor));
        _startsSegment = false;
        _lastSensor = sensor;
        _arrivalLineStale = true;
    }

    /// <summary>Gives out the samples that arrived at least <see cref="SampleClockOptions.FinalizeDelay"/> before <paramref name="nowMicroseconds"/>.</summary>
    public void Release(long nowMicroseconds, ICollection<TimedValue<T>> output)
    {
        long due = nowMicroseconds - (long)_options.FinalizeDelay.TotalMicroseconds;
        while (_head < _held.Count && _held[_head].Arrival <= due)
        {
            Give(output);
        }

        Compact();
    }

    /// <summary>Gives out every sample still held (the end of the source).</summary>
    public void Flush(ICollection<TimedValue<T>> output)
    {
        while (_head < _held.Count)
        {
            Give(output);
        }

        Compact();
    }

    /// <summary>
    /// The samples held since the loss could have been taken after it as well: move the run of them, from the newest
    /// back, that would still arrive no sooner than the line allows if <paramref name="lost"/> periods later.
    /// </summary>
    private void MoveHeldAfterLoss(int lost, double period, long before)
    {
        double tolerance = _options.Tolerance.TotalMicroseconds;
        for (int i = _held.Count - 1; i >= _head; i--)
        {
            Held h = _held[i];
            if (h.Index >= before)
            {
                continue;
            }

            if (h.StartsSegment || h.Arrival - _envelope.TimeOf(h.Index + lost) < -tolerance)
            {
                break;
            }

            _held[i] = h with { Index = h.Index + lost };
        }
    }

    private void SettleHeldOnSensorLine()
    {
        for (int i = _head; i < _held.Count; i++)
        {
            if (_held[i] is { Sensor: { } sensor, SettledTime: null } h)
            {
                _held[i] = h with { SettledTime = _sensorLine.TimeOf(sensor) };
            }
        }
    }

    private void ShiftHeldFrom(long index, long by)
    {
        for (int i = _held.Count - 1; i >= _head && _held[i].Index >= index; i--)
        {
            _held[i] = _held[i] with { Index = _held[i].Index + by };
        }
    }

    private void Give(ICollection<TimedValue<T>> output)
    {
        Held h = _held[_head++];
        double line;
        if (h.SettledTime is { } settled)
        {
            line = settled;
        }
        else if (h.Sensor is { } sensor)
        {
            line = _sensorLine.TimeOf(sensor);
        }
        else
        {
            line = _envelope.TimeOf(h.Index);

            // The spread is learnt from samples whose place is settled, so that a loss not yet seen does not widen it.
            _spread.Add(h.Arrival - line);
        }

        long time = (long)Math.Round(line);
        time = Math.Min(time, h.Arrival); // never taken after it arrived
        if (time <= _lastGiven)
        {
            time = _lastGiven + 1;
        }

        _lastGiven = time;
        output.Add(new TimedValue<T>(time, h.Value, h.StartsSegment));
    }

    private void Compact()
    {
        if (_head > 256 && _head * 2 > _held.Count)
        {
            _held.RemoveRange(0, _head);
            _head = 0;
        }
    }

    /// <param name="Sensor">The sample's sensor time when the sensor sends its clock; its host time then comes from it.</param>
    /// <param name="SettledTime">Its host time, fixed before the sensor line started afresh under it.</param>
    private readonly record struct Held(long Arrival, long Index, T Value, bool StartsSegment, long? Sensor, long? SettledTime = null);
}
