namespace PostureStream.Signals.Wearers;

/// <summary>
/// Maps a sensor's own clock (the WitMotion 0x50 time packet, ms resolution) onto the host's clock: the line
/// <c>arrival ≈ floor + (sensor − anchor) × rate</c> that arrivals never fall below, as <see cref="LowerEnvelope"/>
/// does for a counted stream — but a sample's place is its own sensor time, so there are no losses to infer.
/// <list type="bullet">
/// <item>Per bucket of arrival time the least-delayed sample (lowest arrival − line) is kept; the rate (host µs per
/// sensor µs: the sensor crystal's drift against the host's) is the least-squares slope of arrival against sensor
/// time over the kept minima, within <see cref="SampleClockOptions.MaxRateError"/> of 1; the floor is the lowest
/// of the recent minima, and drops at once when a sample arrives below it.</item>
/// <item>Only differences of sensor time are used, so a clock that was never set (year 2000) serves as well as a
/// set one; a jump of the sensor clock is the caller's to notice (<see cref="Restart"/>).</item>
/// </list>
/// </summary>
internal sealed class SensorClockLine
{
    private readonly SampleClockOptions _options;
    private readonly List<(double Sensor, double Arrival)> _buckets = [];
    private long _anchorSensor;
    private long _anchorArrival;
    private double _bucketStart = double.NaN;
    private (double Sensor, double Arrival) _best;
    private bool _bucketHasSample;

    public SensorClockLine(SampleClockOptions options) => _options = options;

    /// <summary>Host µs per sensor µs (1 until three buckets are known).</summary>
    public double Rate { get; private set; } = 1;

    /// <summary>Whether <see cref="Restart"/> was called since the line was created.</summary>
    public bool IsAnchored { get; private set; }

    /// <summary>The line's host time at <paramref name="sensorMicroseconds"/>, µs.</summary>
    public long TimeOf(long sensorMicroseconds) => _anchorArrival + (long)Math.Round(Floor + ((sensorMicroseconds - _anchorSensor) * Rate));

    /// <summary>The line's offset above the anchor arrival at the anchor's sensor time, µs.</summary>
    private double Floor { get; set; }

    /// <summary>Starts over at a sample (first one, or after a clock jump): the rate is kept, the minima dropped.</summary>
    public void Restart(long sensorMicroseconds, long arrivalMicroseconds)
    {
        _buckets.Clear();
        _anchorSensor = sensorMicroseconds;
        _anchorArrival = arrivalMicroseconds;
        Floor = 0;
        _bucketStart = 0;
        _bucketHasSample = false;
        IsAnchored = true;
    }

    /// <summary>Takes a sample: its sensor time and when it arrived.</summary>
    public void Add(long sensorMicroseconds, long arrivalMicroseconds)
    {
        double sensor = sensorMicroseconds - _anchorSensor;
        double arrival = arrivalMicroseconds - _anchorArrival;
        if (arrival - _bucketStart >= _options.Bucket.TotalMicroseconds)
        {
            CloseBucket();
            _bucketStart = arrival;
        }

        double offset = arrival - (sensor * Rate);
        if (!_bucketHasSample || offset < _best.Arrival - (_best.Sensor * Rate))
        {
            _best = (sensor, arrival);
            _bucketHasSample = true;
        }

        if (offset < Floor)
        {
            Floor = offset;
        }
    }

    private void CloseBucket()
    {
        if (!_bucketHasSample)
        {
            return;
        }

        _bucketHasSample = false;
        _buckets.Add(_best);
        if (_buckets.Count > _options.RateBuckets)
        {
            _buckets.RemoveAt(0);
        }

        FitRate();
        double floor = double.PositiveInfinity;
        for (int i = Math.Max(0, _buckets.Count - _options.FloorBuckets); i < _buckets.Count; i++)
        {
            floor = Math.Min(floor, _buckets[i].Arrival - (_buckets[i].Sensor * Rate));
        }

        Floor = floor;
    }

    private void FitRate()
    {
        int n = _buckets.Count;
        if (n < 3)
        {
            return;
        }

        double meanS = 0, meanA = 0;
        foreach (var (s, a) in _buckets)
        {
            meanS += s;
            meanA += a;
        }

        meanS /= n;
        meanA /= n;
        double covariance = 0, variance = 0;
        foreach (var (s, a) in _buckets)
        {
            covariance += (s - meanS) * (a - meanA);
            variance += (s - meanS) * (s - meanS);
        }

        if (variance <= 0)
        {
            return;
        }

        double rate = covariance / variance;
        if (Math.Abs(rate - 1) <= _options.MaxRateError)
        {
            Rate = rate;
        }
    }
}
