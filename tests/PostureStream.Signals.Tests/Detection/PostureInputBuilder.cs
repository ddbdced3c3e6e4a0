using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

/// <summary>
/// Builds sample sequences in device time: held poses at a sample rate, gaps, new segments.
/// Sample k of an unbroken run lies at exactly round(k · 1e6 / rate) µs after the run's start.
/// </summary>
internal sealed class PostureInputBuilder
{
    public static readonly DateTime DefaultStart = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<PostureInput> _samples = [];
    private readonly double _rateHz;
    private readonly DateTime _start;
    private long _runStartMicros;
    private long _runIndex;
    private PostureInputFlags _pendingFlags;
    private long _pendingGap;

    public PostureInputBuilder(double rateHz = 100, DateTime? start = null, long startMicros = 1_000_000)
    {
        _rateHz = rateHz;
        _start = start ?? DefaultStart;
        _runStartMicros = startMicros;
        FirstMicros = startMicros;
    }

    public long FirstMicros { get; }

    /// <summary>Device time of the next sample.</summary>
    public long NextMicros => _runStartMicros + (long)Math.Round(_runIndex * 1e6 / _rateHz);

    public IReadOnlyList<PostureInput> Samples => _samples;

    public int Count => _samples.Count;

    public DateTime UtcAt(long micros) => _start.AddTicks((micros - FirstMicros) * 10);

    /// <summary>Holds a pose for a number of samples.</summary>
    public PostureInputBuilder HoldSamples(Pose pose, long count)
    {
        for (long i = 0; i < count; i++)
        {
            Add(pose);
        }

        return this;
    }

    /// <summary>Holds a pose for a duration (rounded to whole samples).</summary>
    public PostureInputBuilder Hold(Pose pose, double seconds) => HoldSamples(pose, (long)Math.Round(seconds * _rateHz));

    /// <summary>No samples for this long; the next one carries the gap mark.</summary>
    public PostureInputBuilder Gap(double seconds)
    {
        long last = _samples[^1].DeviceMicros;
        long next = last + (long)Math.Round(seconds * 1e6);
        _runStartMicros = next;
        _runIndex = 0;
        _pendingFlags |= PostureInputFlags.GapBefore;
        _pendingGap = next - last;
        return this;
    }

    /// <summary>The next sample starts a new segment (device reset).</summary>
    public PostureInputBuilder NewSegment()
    {
        _pendingFlags |= PostureInputFlags.SegmentStart;
        return this;
    }

    public PostureInput[] Build() => [.. _samples];

    private void Add(Pose pose)
    {
        long micros = NextMicros;
        _runIndex++;
        double seconds = (micros - FirstMicros) / 1e6;
        double gait = pose.GaitHz > 0 ? pose.GaitAmplitude * Math.Sin(2 * Math.PI * pose.GaitHz * seconds) : 0;
        double pelvisPitch = (pose.PelvisPitch ?? (Pose.NeutralPelvisPitch + Nz(pose.PelvicTilt))) + gait;
        double lumbarPitch = pose.LumbarPitch ?? (Pose.NeutralLumbarPitch + Nz(pose.LumbarFlexion));
        _samples.Add(new PostureInput(
            micros,
            UtcAt(micros),
            lumbarPitch,
            pose.LumbarRoll,
            pelvisPitch,
            pose.PelvisRoll,
            pelvisPitch,
            pose.PelvicTilt,
            double.IsNaN(lumbarPitch) ? double.NaN : pose.LumbarFlexion,
            pose.DeltaStanding,
            pose.DeltaSitting,
            pose.Flags | _pendingFlags,
            (_pendingFlags & PostureInputFlags.GapBefore) != 0 ? _pendingGap : 0));
        _pendingFlags = PostureInputFlags.None;
        _pendingGap = 0;
    }

    private static double Nz(double value) => double.IsNaN(value) ? 0 : value;
}
