namespace PostureStream.Signals.Wearers;

/// <summary>
/// Watches a running wearer for a sensor that was re-attached another way (<see cref="MountingCheck"/>) without
/// waiting for a new neutral. Standing cannot be told from sitting by angles that may be wrong, but walking can be
/// recognised: so, as for the automatic standing neutral, only quiet seconds that closely follow a walk, with the
/// pelvis where it was during the walk, are trusted to be standing. Their mean angles through the sensors'
/// alignments should read about 0°; more than <see cref="FunctionalCalibrationOptions.MovedDegrees"/> on a segment
/// means its sensor's standing gravity direction moved.
/// <para>
/// Rules: a walk of at least 5 s arms it; a window of 5 s in which every channel's standard deviation is under 1°,
/// starting within 5 s after the walk, with the pelvis pitch within 6° of its mean during the walk, is judged once;
/// the next walk arms it again. Fed with decimated posture points (any rate of at least a few per second), in device
/// time, on one thread.
/// </para>
/// </summary>
public sealed class MountingWatch(double movedDegrees = 8)
{
    private static readonly long MinWalk = 5_000_000;
    private static readonly long StartWithin = 5_000_000;
    private static readonly long Window = 5_000_000;
    private const double QuietStdDevDegrees = 1;
    private const double MaxPelvisChangeDegrees = 6;
    private const int MinPoints = 20;

    private readonly Queue<(long Time, SensorAngles Angles)> _window = new();
    private long _walkStart = -1;
    private long _walkEnd;
    private double _walkPelvisSum;
    private int _walkPelvisCount;
    private bool _armed;

    /// <summary>
    /// One posture point: its device time, whether the wearer walks, and its angles through the alignments (NaN where
    /// a sensor is missing). Returns the segments whose sensor looks moved when a standing window was judged (empty
    /// when none moved), otherwise null.
    /// </summary>
    public IReadOnlyList<WearerSegment>? Observe(long deviceMicroseconds, bool walking, SensorAngles angles)
    {
        if (walking)
        {
            if (_walkStart < 0)
            {
                _walkStart = deviceMicroseconds;
                _walkPelvisSum = 0;
                _walkPelvisCount = 0;
            }

            if (double.IsFinite(angles.PelvisPitchDegrees))
            {
                _walkPelvisSum += angles.PelvisPitchDegrees;
                _walkPelvisCount++;
            }

            _walkEnd = deviceMicroseconds;
            _armed = deviceMicroseconds - _walkStart >= MinWalk && _walkPelvisCount > 0;
            _window.Clear();
            return null;
        }

        _walkStart = -1;
        if (!_armed)
        {
            return null;
        }

        if (!Finite(angles))
        {
            _window.Clear();
            return null;
        }

        _window.Enqueue((deviceMicroseconds, angles));
        while (_window.Peek().Time < deviceMicroseconds - Window)
        {
            _window.Dequeue();
        }

        if (_window.Peek().Time > _walkEnd + StartWithin)
        {
            // No window that started in time can be quiet any more: wait for the next walk.
            _armed = false;
            _window.Clear();
            return null;
        }

        if (deviceMicroseconds - _window.Peek().Time < Window - 200_000 || _window.Count < MinPoints || !Quiet(out SensorAngles mean))
        {
            return null;
        }

        _armed = false;
        _window.Clear();
        return Math.Abs(mean.PelvisPitchDegrees - (_walkPelvisSum / _walkPelvisCount)) > MaxPelvisChangeDegrees
            ? null // the wearer sat down after the walk: not a standing window
            : MountingCheck.Moved(mean, movedDegrees);
    }

    private static bool Finite(SensorAngles a) =>
        double.IsFinite(a.LumbarPitchDegrees) && double.IsFinite(a.LumbarRollDegrees) && double.IsFinite(a.PelvisPitchDegrees) && double.IsFinite(a.PelvisRollDegrees);

    private bool Quiet(out SensorAngles mean)
    {
        mean = new SensorAngles(
            Mean(static a => a.LumbarPitchDegrees), Mean(static a => a.LumbarRollDegrees),
            Mean(static a => a.PelvisPitchDegrees), Mean(static a => a.PelvisRollDegrees));
        return StdDev(static a => a.LumbarPitchDegrees, mean.LumbarPitchDegrees) < QuietStdDevDegrees
            && StdDev(static a => a.LumbarRollDegrees, mean.LumbarRollDegrees) < QuietStdDevDegrees
            && StdDev(static a => a.PelvisPitchDegrees, mean.PelvisPitchDegrees) < QuietStdDevDegrees
            && StdDev(static a => a.PelvisRollDegrees, mean.PelvisRollDegrees) < QuietStdDevDegrees;
    }

    private double Mean(Func<SensorAngles, double> channel) => _window.Average(p => channel(p.Angles));

    private double StdDev(Func<SensorAngles, double> channel, double mean) =>
        Math.Sqrt(_window.Average(p => (channel(p.Angles) - mean) * (channel(p.Angles) - mean)));
}
