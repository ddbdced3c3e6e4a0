namespace PostureStream.Signals;

/// <summary>
/// The last <see cref="CalibrationOptions.QuietWindow"/> of low-passed angles, one point per
/// <see cref="CalibrationOptions.QuietSampleInterval"/> of device time, used only while a neutral is wanted
/// (allocated then, dropped after).
/// </summary>
/// <remarks>
/// A lossy link leaves holes. A hole up to <see cref="CalibrationOptions.QuietMaxBridgedGap"/> is bridged: the
/// points on both sides stay and the hole is counted, but nothing is filled in, so the neutral comes only from
/// samples that arrived. The window is judged once it spans the whole window length and holds at least
/// <see cref="CalibrationOptions.QuietMinCoverage"/> of its nominal points. Quiet = both pitches' standard
/// deviation under the limit; the neutral is then the median of each channel.
/// </remarks>
internal sealed class QuietWindow
{
    private readonly SensorAngles[] points;
    private readonly long[] times;
    private readonly bool[] afterHole;
    private readonly double[] scratch;
    private readonly long intervalMicroseconds;
    private readonly long windowMicroseconds;
    private readonly int minimumPoints;
    private readonly double maxStdDev;
    private int first;
    private int count;
    private long nextDue = long.MinValue;
    private bool holePending;

    public QuietWindow(CalibrationOptions options)
    {
        NominalPoints = (int)Math.Round(options.QuietWindow / options.QuietSampleInterval) + 1;

        // One point per interval grid line; two lines may hold points a little under one interval apart, hence the spare.
        int capacity = NominalPoints + 2;
        points = new SensorAngles[capacity];
        times = new long[capacity];
        afterHole = new bool[capacity];
        scratch = new double[capacity];
        intervalMicroseconds = (long)options.QuietSampleInterval.TotalMicroseconds;
        windowMicroseconds = (long)options.QuietWindow.TotalMicroseconds;
        minimumPoints = (int)Math.Ceiling(options.QuietMinCoverage * NominalPoints);
        maxStdDev = options.QuietMaxStdDevDegrees;
    }

    /// <summary>Points a window holds when no sample was lost (51 for 5 s at 100 ms).</summary>
    public int NominalPoints { get; }

    /// <summary>Points in the window now.</summary>
    public int Count => count;

    /// <summary>Bridged holes between the points of the window now.</summary>
    public int Holes
    {
        get
        {
            int holes = 0;
            for (int i = 1; i < count; i++)
            {
                holes += afterHole[Index(i)] ? 1 : 0;
            }

            return holes;
        }
    }

    /// <summary>Device time of the oldest point, or null when empty.</summary>
    public long? StartMicroseconds => count == 0 ? null : times[first];

    public void Clear()
    {
        first = 0;
        count = 0;
        nextDue = long.MinValue;
        holePending = false;
    }

    /// <summary>A short hole in the data comes before the next sample: keep the points, count it.</summary>
    public void Bridge() => holePending = count > 0;

    /// <summary>Adds a sample when its interval is due; returns true when the window is complete, covered and quiet.</summary>
    public bool Add(long deviceMicroseconds, SensorAngles filtered)
    {
        if (deviceMicroseconds < nextDue)
        {
            return false;
        }

        // Points sit on a grid of intervals from the first one, so a lost frame costs only its own points.
        nextDue = nextDue == long.MinValue
            ? deviceMicroseconds + intervalMicroseconds
            : nextDue + (((deviceMicroseconds - nextDue) / intervalMicroseconds) + 1) * intervalMicroseconds;

        long oldestKept = deviceMicroseconds - windowMicroseconds - (intervalMicroseconds / 2);
        while (count > 0 && (times[first] < oldestKept || count == points.Length))
        {
            first = (first + 1) % points.Length;
            count--;
        }

        int at = Index(count);
        points[at] = filtered;
        times[at] = deviceMicroseconds;
        afterHole[at] = holePending;
        holePending = false;
        count++;

        return times[first] <= deviceMicroseconds - windowMicroseconds + (intervalMicroseconds / 2)
            && count >= minimumPoints
            && StdDev(static a => a.LumbarPitchDegrees) < maxStdDev
            && StdDev(static a => a.PelvisPitchDegrees) < maxStdDev;
    }

    /// <summary>The median of each channel over the window.</summary>
    public SensorAngles Median() => new(
        Median(static a => a.LumbarPitchDegrees),
        Median(static a => a.LumbarRollDegrees),
        Median(static a => a.PelvisPitchDegrees),
        Median(static a => a.PelvisRollDegrees));

    private int Index(int i) => (first + i) % points.Length;

    private double StdDev(Func<SensorAngles, double> channel)
    {
        double mean = 0;
        for (int i = 0; i < count; i++)
        {
            mean += channel(points[Index(i)]);
        }

        mean /= count;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double d = channel(points[Index(i)]) - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / count);
    }

    private double Median(Func<SensorAngles, double> channel)
    {
        for (int i = 0; i < count; i++)
        {
            scratch[i] = channel(points[Index(i)]);
        }

        Span<double> values = scratch.AsSpan(0, count);
        values.Sort();
        int mid = count / 2;
        return (count & 1) == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
