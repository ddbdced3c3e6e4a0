namespace PostureStream.Signals;

/// <summary>
/// The last <see cref="CalibrationOptions.QuietWindow"/> of low-passed angles, one point per
/// <see cref="CalibrationOptions.QuietSampleInterval"/> of device time, used only while a neutral is wanted
/// (allocated then, dropped after). Quiet = both pitches' standard deviation under the limit; the neutral is
/// then the median of each channel.
/// </summary>
internal sealed class QuietWindow
{
    private readonly SensorAngles[] points;
    private readonly double[] scratch;
    private readonly long intervalMicroseconds;
    private readonly double maxStdDev;
    private int count;
    private int next;
    private long nextDue = long.MinValue;

    public QuietWindow(CalibrationOptions options)
    {
        int capacity = (int)Math.Round(options.QuietWindow / options.QuietSampleInterval) + 1;
        points = new SensorAngles[capacity];
        scratch = new double[capacity];
        intervalMicroseconds = (long)options.QuietSampleInterval.TotalMicroseconds;
        maxStdDev = options.QuietMaxStdDevDegrees;
    }

    public void Clear()
    {
        count = 0;
        next = 0;
        nextDue = long.MinValue;
    }

    /// <summary>Adds a sample when its interval is due; returns true when the window is full and quiet.</summary>
    public bool Add(long deviceMicroseconds, SensorAngles filtered)
    {
        if (deviceMicroseconds < nextDue)
        {
            return false;
        }

        nextDue = deviceMicroseconds + intervalMicroseconds;
        points[next] = filtered;
        next = (next + 1) % points.Length;
        count = Math.Min(count + 1, points.Length);
        return count == points.Length
            && StdDev(static a => a.LumbarPitchDegrees) < maxStdDev
            && StdDev(static a => a.PelvisPitchDegrees) < maxStdDev;
    }

    /// <summary>The median of each channel over the window.</summary>
    public SensorAngles Median() => new(
        Median(static a => a.LumbarPitchDegrees),
        Median(static a => a.LumbarRollDegrees),
        Median(static a => a.PelvisPitchDegrees),
        Median(static a => a.PelvisRollDegrees));

    private double StdDev(Func<SensorAngles, double> channel)
    {
        double mean = 0;
        for (int i = 0; i < count; i++)
        {
            mean += channel(points[i]);
        }

        mean /= count;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double d = channel(points[i]) - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / count);
    }

    private double Median(Func<SensorAngles, double> channel)
    {
        for (int i = 0; i < count; i++)
        {
            scratch[i] = channel(points[i]);
        }

        Span<double> values = scratch.AsSpan(0, count);
        values.Sort();
        int mid = count / 2;
        return (count & 1) == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
