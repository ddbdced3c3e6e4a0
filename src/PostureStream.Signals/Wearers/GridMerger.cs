namespace PostureStream.Signals.Wearers;

/// <summary>
/// Puts a wearer's two timed streams (from their <see cref="SampleClock{T}"/>s) onto one grid of the nominal rate,
/// interpolating each sensor's up direction to every grid instant.
/// <list type="bullet">
/// <item>A grid instant waits until both streams have a sample at or after it, but never longer than
/// <see cref="Latency"/> of host time after it: then a stream with nothing newer is taken as lost there (its last
/// value is held for up to 1.5 grid periods; after that it is NaN). So no output is ever later than the bound,
/// and one lost sensor does not hold the other back.</item>
/// <item>Interpolation spans at most 4 stream periods (3 lost samples in a row); across a longer hole the sensor
/// is lost in between. An instant at which both sensors are lost is not put out: the chain sees a gap.</item>
/// </list>
/// </summary>
public sealed class GridMerger
{
    private readonly double _period;
    private readonly long _latency;
    private readonly Stream _lumbar;
    private readonly Stream _pelvis;
    private long _next = long.MinValue;

    /// <param name="rateHz">Grid rate (the sensors' nominal rate).</param>
    /// <param name="latency">Longest wait for a sensor, host time after the grid instant (at least its clocks' finalize delay plus two periods).</param>
    public GridMerger(double rateHz, TimeSpan latency)
    {
        _period = 1e6 / rateHz;
        _latency = (long)latency.TotalMicroseconds;
        _lumbar = new Stream(_period);
        _pelvis = new Stream(_period);
    }

    /// <summary>The bound on how long after a grid instant (host time) it is put out.</summary>
    public TimeSpan Latency => TimeSpan.FromMicroseconds(_latency);

    public void AddLumbar(in TimedValue<Vector3D> sample) => _lumbar.Add(sample);

    public void AddPelvis(in TimedValue<Vector3D> sample) => _pelvis.Add(sample);

    /// <summary>Puts out every grid instant that is settled at host time <paramref name="nowMicroseconds"/>.</summary>
    public void Advance(long nowMicroseconds, ICollection<WearerSample> output) => Run(nowMicroseconds, output, flushing: false);

    /// <summary>The end of the source: puts out everything up to the last sample.</summary>
    public void Flush(ICollection<WearerSample> output) => Run(long.MaxValue, output, flushing: true);

    private void Run(long now, ICollection<WearerSample> output, bool flushing)
    {
        while (true)
        {
            if (_next == long.MinValue)
            {
                long first = Math.Min(_lumbar.FirstTime, _pelvis.FirstTime);
                if (first == long.MaxValue)
                {
                    return;
                }

                _next = first;
            }

            long g = _next;
            bool deadline = flushing || now - g >= _latency;
            var (lumbarState, lumbar) = _lumbar.At(g, deadline);
            var (pelvisState, pelvis) = _pelvis.At(g, deadline);
            if (lumbarState == Availability.Waiting || pelvisState == Availability.Waiting)
            {
                return;
            }

            if (lumbarState == Availability.Lost && pelvisState == Availability.Lost)
            {
                // Nothing to put out here: jump to the next sample either stream has, or stop at the end.
                long resume = Math.Min(_lumbar.NextTimeAfter(g), _pelvis.NextTimeAfter(g));
                if (resume == long.MaxValue)
                {
                    return;
                }

                _next = g + (long)(Math.Ceiling((resume - g) / _period) * _period);
                continue;
            }

            output.Add(new WearerSample(g, lumbar, pelvis));
            _next = g + (long)Math.Round(_period);
            _lumbar.Drop(_next);
            _pelvis.Drop(_next);
        }
    }

    private enum Availability
    {
        Value,
        Waiting,
        Lost,
    }

    /// <summary>One sensor's timed samples not yet passed by the grid.</summary>
    private sealed class Stream
    {
        private readonly List<TimedValue<Vector3D>> _samples = [];
        private readonly double gridPeriod;
        private double _streamPeriod;

        public Stream(double gridPeriod)
        {
            this.gridPeriod = gridPeriod;
            _streamPeriod = gridPeriod;
        }

        public long FirstTime => _samples.Count == 0 ? long.MaxValue : _samples[0].TimeMicroseconds;

        public void Add(in TimedValue<Vector3D> sample)
        {
            if (_samples.Count > 0 && !sample.StartsSegment)
            {
                long step = sample.TimeMicroseconds - _samples[^1].TimeMicroseconds;
                if (step > 0 && step < 2 * gridPeriod)
                {
                    _streamPeriod = (0.99 * _streamPeriod) + (0.01 * step);
                }
            }

            _samples.Add(sample);
        }

        public long NextTimeAfter(long time)
        {
            foreach (TimedValue<Vector3D> s in _samples)
            {
                if (s.TimeMicroseconds > time)
                {
                    return s.TimeMicroseconds;
                }
            }

            return long.MaxValue;
        }

        /// <summary>Keeps the last sample before <paramref name="time"/> (for interpolation) and everything after.</summary>
        public void Drop(long time)
        {
            int keepFrom = 0;
            while (keepFrom + 1 < _samples.Count && _samples[keepFrom + 1].TimeMicroseconds <= time)
            {
                keepFrom++;
            }

            if (keepFrom > 0)
            {
                _samples.RemoveRange(0, keepFrom);
            }
        }

        public (Availability, Vector3D) At(long g, bool deadline)
        {
            int after = _samples.FindIndex(s => s.TimeMicroseconds >= g);
            TimedValue<Vector3D>? before = null;
            int beforeIndex = after < 0 ? _samples.Count - 1 : after - 1;
            if (beforeIndex >= 0)
            {
                before = _samples[beforeIndex];
            }

            if (after < 0)
            {
                if (!deadline)
                {
                    return (Availability.Waiting, Vector3D.NaN);
                }

                // Nothing newer in time: hold the last value briefly, then the sensor is lost here.
                return before is { } last && g - last.TimeMicroseconds <= 1.5 * gridPeriod
                    ? (Availability.Value, last.Value)
                    : (Availability.Lost, Vector3D.NaN);
            }

            TimedValue<Vector3D> next = _samples[after];
            if (next.TimeMicroseconds == g)
            {
                return (Availability.Value, next.Value);
            }

            if (before is { } prev && !next.StartsSegment && next.TimeMicroseconds - prev.TimeMicroseconds <= 4 * _streamPeriod + 1)
            {
                double w = (g - prev.TimeMicroseconds) / (double)(next.TimeMicroseconds - prev.TimeMicroseconds);
                return (Availability.Value, Vector3D.Lerp(prev.Value, next.Value, w).Normalized());
            }

            // A hole, or the start of the stream: the nearest sample if within half a grid period, else lost.
            return next.TimeMicroseconds - g <= gridPeriod / 2 ? (Availability.Value, next.Value)
                : before is { } p && g - p.TimeMicroseconds <= gridPeriod / 2 ? (Availability.Value, p.Value)
                : (Availability.Lost, Vector3D.NaN);
        }
    }
}
