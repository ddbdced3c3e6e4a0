namespace PostureStream.Signals.Wearers;

/// <summary>
/// A wearer made of two single-IMU sensors (lumbar and pelvis), each on its own link with no usable clock: their
/// readings in, <see cref="SegmentSample"/>s of one time line out, ready for the per-device chain.
/// <para>
/// Each stream's sample times are estimated from its nominal rate and arrival times, or taken from the sensor's own
/// clock when it sends one (<see cref="SampleClock{T}"/>),
/// both are put on one grid at that rate (<see cref="GridMerger"/>, bounded latency), and each sensor's up direction
/// becomes its segment's sagittal and frontal angles through its <see cref="SensorAlignment"/> (the reference
/// mounting until a functional calibration is taken). A sensor that is lost gives NaN channels and its
/// <see cref="SensorFaults"/> flag — detection pauses as for a sensor fault — while the other keeps flowing; each
/// reconnects on its own (its clock re-anchors).
/// </para>
/// Times are µs of the host's monotonic clock. Not thread-safe: feed it from one thread.
/// </summary>
public sealed class WearerStreams
{
    private readonly SampleClock<Vector3D> _lumbarClock;
    private readonly SampleClock<Vector3D> _pelvisClock;
    private readonly GridMerger _merger;
    private readonly List<TimedValue<Vector3D>> _timed = [];
    private readonly List<WearerSample> _grid = [];
    private long _now = long.MinValue;

    public WearerStreams(double rateHz, WearerStreamOptions? options = null)
    {
        WearerStreamOptions o = (options ?? new WearerStreamOptions()).Validate();
        RateHz = rateHz;
        _lumbarClock = new SampleClock<Vector3D>(rateHz, o.Clock);
        _pelvisClock = new SampleClock<Vector3D>(rateHz, o.Clock);
        _merger = new GridMerger(rateHz, o.LatencyAt(rateHz));
        Functional = new FunctionalCalibration(o.Functional);
    }

    public double RateHz { get; }

    /// <summary>The bound on how long after a sample instant (host time) its grid sample is put out.</summary>
    public TimeSpan Latency => _merger.Latency;

    public SensorAlignment LumbarAlignment { get; set; } = SensorAlignment.Reference;

    public SensorAlignment PelvisAlignment { get; set; } = SensorAlignment.Reference;

    /// <summary>The functional calibration: <see cref="FunctionalCalibration.Start"/> it; it sees every grid sample.</summary>
    public FunctionalCalibration Functional { get; }

    /// <summary>Called when the functional calibration changes step (on the feeding thread).</summary>
    public Action<FunctionalCalibrationStep>? StepChanged { get; set; }

    public SampleClock<Vector3D> LumbarClock => _lumbarClock;

    public SampleClock<Vector3D> PelvisClock => _pelvisClock;

    /// <summary>
    /// A lumbar reading (its up direction, sensor frame) that arrived at <paramref name="arrivalMicroseconds"/>, with
    /// the sensor's own clock for it when the sensor sends one (the WitMotion time packet; µs, any epoch).
    /// </summary>
    public void AddLumbar(long arrivalMicroseconds, Vector3D up, long? sensorClockMicroseconds = null)
    {
        _lumbarClock.Add(arrivalMicroseconds, sensorClockMicroseconds, up);
        _now = Math.Max(_now, arrivalMicroseconds);
    }

    public void AddPelvis(long arrivalMicroseconds, Vector3D up, long? sensorClockMicroseconds = null)
    {
        _pelvisClock.Add(arrivalMicroseconds, sensorClockMicroseconds, up);
        _now = Math.Max(_now, arrivalMicroseconds);
    }

    /// <summary>Puts out what is settled at host time <paramref name="nowMicroseconds"/> (call after readings and on a timer).</summary>
    public void Advance(long nowMicroseconds, ICollection<SegmentSample> output)
    {
        _now = Math.Max(_now, nowMicroseconds);
        _timed.Clear();
        _lumbarClock.Release(_now, _timed);
        foreach (TimedValue<Vector3D> t in _timed)
        {
            _merger.AddLumbar(t);
        }

        _timed.Clear();
        _pelvisClock.Release(_now, _timed);
        foreach (TimedValue<Vector3D> t in _timed)
        {
            _merger.AddPelvis(t);
        }

        _grid.Clear();
        _merger.Advance(_now, _grid);
        Emit(output);
    }

    /// <summary>The end of the source: everything still held goes out.</summary>
    public void Flush(ICollection<SegmentSample> output)
    {
        _timed.Clear();
        _lumbarClock.Flush(_timed);
        foreach (TimedValue<Vector3D> t in _timed)
        {
            _merger.AddLumbar(t);
        }

        _timed.Clear();
        _pelvisClock.Flush(_timed);
        foreach (TimedValue<Vector3D> t in _timed)
        {
            _merger.AddPelvis(t);
        }

        _grid.Clear();
        _merger.Flush(_grid);
        Emit(output);
    }

    private void Emit(ICollection<SegmentSample> output)
    {
        foreach (WearerSample g in _grid)
        {
            if (Functional.Process(g))
            {
                if (Functional is { Step: FunctionalCalibrationStep.Done, Result: { } found })
                {
                    (LumbarAlignment, PelvisAlignment) = found;
                }

                StepChanged?.Invoke(Functional.Step);
            }

            var (lumbarPitch, lumbarRoll) = LumbarAlignment.Angles(g.LumbarUp);
            var (pelvisPitch, pelvisRoll) = PelvisAlignment.Angles(g.PelvisUp);
            SensorFaults faults = (g.LumbarUp.IsNaN ? SensorFaults.Lumbar : SensorFaults.None)
                | (g.PelvisUp.IsNaN ? SensorFaults.Pelvis : SensorFaults.None);
            output.Add(new SegmentSample(g.TimeMicroseconds, new SensorAngles(lumbarPitch, lumbarRoll, pelvisPitch, pelvisRoll), faults));
        }
    }
}
