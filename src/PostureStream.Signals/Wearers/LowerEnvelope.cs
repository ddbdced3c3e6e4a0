namespace PostureStream.Signals.Wearers;

/// <summary>
/// The line <c>arrival ≈ floor + index × period</c> that a stream's arrivals never fall below: the samples that
/// met the least delay (sent just before a connection event, no host jitter) lie on it.
/// <list type="bullet">
/// <item>Per bucket of arrival time the least-delayed sample is kept, at its <b>place</b> on the line (its arrival
/// over the period from the floor, rounded): near the floor a sample is within a few ms of its place, so the place
/// is right even where the count of samples is not (a loss no arrival time showed yet).</item>
/// <item>The period is the least-squares slope of arrival against place over the kept minima (their delays are small
/// and alike, so it is the sensor's true rate, drift included); the floor is the lowest of the recent minima.</item>
/// <item>A bucket minimum whose place is ahead of its count proves that many losses went unseen: the caller moves
/// its count on.</item>
/// </list>
/// </summary>
internal sealed class LowerEnvelope
{
    /// <summary>A bucket with fewer samples than this has no reliable minimum (a link that just came back).</summary>
    private const int MinSamplesPerBucket = 10;

    private readonly SampleClockOptions _options;
    private readonly double _nominalPeriod;
    private readonly List<(double Place, double Arrival)> _buckets = [];
    private double _bucketStart = double.NaN;
    private (long Index, double Arrival) _best;
    private int _inBucket;

    public LowerEnvelope(double nominalPeriodMicroseconds, SampleClockOptions options)
    {
        _nominalPeriod = nominalPeriodMicroseconds;
        _options = options;
        Period = nominalPeriodMicroseconds;
    }

    /// <summary>The sample period, µs, fitted (nominal until three buckets are known).</summary>
    public double Period { get; private set; }

    /// <summary>The line's value at index 0, µs.</summary>
    public double Floor { get; private set; } = double.NaN;

    public double TimeOf(long index) => Floor + (index * Period);

    /// <summary>Starts over after a gap: the buckets are dropped (the sensor may have restarted), the period kept.</summary>
    public void Restart(long index, double arrival)
    {
        _buckets.Clear();
        _inBucket = 0;
        _bucketStart = arrival;
        Floor = arrival - (index * Period);
    }

    /// <summary>
    /// Closes the current bucket when <paramref name="arrival"/> is past it. Returns the count index of its
    /// minimum and by how many places the count is behind the line there (0 when in step, or nothing closed).
    /// </summary>
    public (long Index, long Behind) Roll(double arrival)
    {
        if (!(arrival - _bucketStart >= _options.Bucket.TotalMicroseconds))
        {
            return (0, 0);
        }

        _bucketStart = arrival;
        if (_inBucket < MinSamplesPerBucket)
        {
            _inBucket = 0;
            return (0, 0);
        }

        _inBucket = 0;
        (long index, double minimumArrival) = _best;
        double place = Math.Round((minimumArrival - Floor) / Period);
        _buckets.Add((place, minimumArrival));
        if (_buckets.Count > _options.RateBuckets)
        {
            _buckets.RemoveAt(0);
        }

        FitPeriod();
        double floor = double.PositiveInfinity;
        for (int i = Math.Max(0, _buckets.Count - _options.FloorBuckets); i < _buckets.Count; i++)
        {
            floor = Math.Min(floor, _buckets[i].Arrival - (_buckets[i].Place * Period));
        }

        Floor = floor;
        return (index, Math.Max(0, (long)place - index));
    }

    /// <summary>Takes a sample at its count index; lowers the floor at once when the sample is below it.</summary>
    public void Add(long index, double arrival)
    {
        double offset = arrival - (index * Period);
        if (_inBucket == 0 || offset < _best.Arrival - (_best.Index * Period))
        {
            _best = (index, arrival);
        }

        _inBucket++;
        if (offset < Floor)
        {
            Floor = offset;
        }
    }

    private void FitPeriod()
    {
        int n = _buckets.Count;
        if (n < 3)
        {
            return;
        }

        double k0 = _buckets[0].Place, a0 = _buckets[0].Arrival;
        double meanK = 0, meanA = 0;
        foreach (var (k, a) in _buckets)
        {
            meanK += k - k0;
            meanA += a - a0;
        }

        meanK /= n;
        meanA /= n;
        double covariance = 0, variance = 0;
        foreach (var (k, a) in _buckets)
        {
            double dk = k - k0 - meanK;
            covariance += dk * (a - a0 - meanA);
            variance += dk * dk;
        }

        if (variance <= 0)
        {
            return;
        }

        double period = covariance / variance;
        if (Math.Abs((period / _nominalPeriod) - 1) <= _options.MaxRateError)
        {
            Period = period;
        }
    }
}
