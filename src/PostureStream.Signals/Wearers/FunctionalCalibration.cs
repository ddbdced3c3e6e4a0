namespace PostureStream.Signals.Wearers;

/// <summary>Where a functional calibration is.</summary>
public enum FunctionalCalibrationStep
{
    /// <summary>Not running.</summary>
    Idle,

    /// <summary>Waiting for the wearer to stand still for the window.</summary>
    StandStill,

    /// <summary>The neutral is taken; waiting for one slow forward bend and back up.</summary>
    Bend,

    /// <summary>Both sensors' alignments are found (<see cref="FunctionalCalibration.Result"/>).</summary>
    Done,

    /// <summary>It did not work (<see cref="FunctionalCalibration.Failure"/> says why); start again.</summary>
    Failed,
}

/// <summary>
/// Finds how each of a wearer's two sensors sits on the body (<see cref="SensorAlignment"/>), whatever way round it was
/// stuck on: the wearer stands still (the window, default 5 s: each sensor's up direction at neutral), then bends
/// forward slowly and comes back up. A forward bend turns both segments about the wearer's mediolateral axis, so in
/// each sensor's frame the up direction sweeps a plane whose normal is that axis: it is the normalised sum of
/// neutral × up over the bend (larger turns weigh more), pointing to the wearer's right, so its opposite is the left.
/// Fed with <see cref="WearerSample"/>s of the common grid; not thread-safe.
/// </summary>
public sealed class FunctionalCalibration
{
    private readonly FunctionalCalibrationOptions _options;
    private Vector3D _lumbarSum;
    private Vector3D _pelvisSum;
    private long _windowStart;
    private int _windowCount;
    private Vector3D _lumbarNeutral;
    private Vector3D _pelvisNeutral;
    private long _neutralAt;
    private long _lastTime;
    private bool _bending;
    private long _bendStart = -1;
    private double _lumbarPeak;
    private double _pelvisPeak;

    public FunctionalCalibration(FunctionalCalibrationOptions? options = null)
    {
        _options = (options ?? new FunctionalCalibrationOptions()).Validate();
    }

    public FunctionalCalibrationStep Step { get; private set; }

    /// <summary>The alignments once <see cref="FunctionalCalibrationStep.Done"/>.</summary>
    public (SensorAlignment Lumbar, SensorAlignment Pelvis)? Result { get; private set; }

    /// <summary>Why it failed, for the wearer.</summary>
    public string? Failure { get; private set; }

    /// <summary>How long the wearer has stood still so far in the stand-still step (zero in the other steps).</summary>
    public TimeSpan StillFor => Step == FunctionalCalibrationStep.StandStill && _windowCount > 0
        ? TimeSpan.FromMicroseconds(_lastTime - _windowStart)
        : TimeSpan.Zero;

    /// <summary>The deepest the lumbar sensor has turned from neutral in the bend step so far, degrees.</summary>
    public double BendPeakDegrees => Step == FunctionalCalibrationStep.Bend ? _lumbarPeak : 0;

    /// <summary>
    /// Why the stand-still window last started over after at least a second of it (the wearer moved, or a sensor sent
    /// nothing), for the wearer; <see cref="Interruptions"/> counts them, so a caller sees each new one.
    /// </summary>
    public string? Interruption { get; private set; }

    public int Interruptions { get; private set; }

    /// <summary>Starts (or restarts) with the stand-still step.</summary>
    public void Start()
    {
        Step = FunctionalCalibrationStep.StandStill;
        Result = null;
        Failure = null;
        Interruption = null;
        _windowCount = 0;
    }

    /// <summary>The next grid sample; returns true when <see cref="Step"/> changed.</summary>
    public bool Process(in WearerSample sample)
    {
        FunctionalCalibrationStep before = Step;
        switch (Step)
        {
            case FunctionalCalibrationStep.StandStill:
                StandStill(sample);
                break;
            case FunctionalCalibrationStep.Bend:
                Bend(sample);
                break;
            case FunctionalCalibrationStep.Idle:
            case FunctionalCalibrationStep.Done:
            case FunctionalCalibrationStep.Failed:
                break;
        }

        return Step != before;
    }

    private void StandStill(in WearerSample s)
    {
        if (s.LumbarUp.IsNaN || s.PelvisUp.IsNaN)
        {
            // Both sensors must be there for the whole window.
            Restart(s, $"the {(s.LumbarUp.IsNaN ? "lumbar" : "pelvis")} sensor sends nothing; check that it is on and connected");
            return;
        }

        if (_windowCount > 0 && (Moved(_lumbarSum, s.LumbarUp) || Moved(_pelvisSum, s.PelvisUp)))
        {
            Restart(s, $"you moved; stand still, relaxed, for {_options.StillWindow.TotalSeconds:0} s");
        }

        _lastTime = s.TimeMicroseconds;

        if (_windowCount == 0)
        {
            _windowStart = s.TimeMicroseconds;
            _lumbarSum = default;
            _pelvisSum = default;
        }

        _lumbarSum += s.LumbarUp.Normalized();
        _pelvisSum += s.PelvisUp.Normalized();
        _windowCount++;
        if (s.TimeMicroseconds - _windowStart >= _options.StillWindow.TotalMicroseconds)
        {
            _lumbarNeutral = _lumbarSum.Normalized();
            _pelvisNeutral = _pelvisSum.Normalized();
            _neutralAt = s.TimeMicroseconds;
            _bending = false;
            _bendStart = -1;
            _lumbarPeak = _pelvisPeak = 0;
            _lumbarSum = _pelvisSum = default;
            Step = FunctionalCalibrationStep.Bend;
        }
    }

    /// <summary>The window starts over; a window of a second or more was worth telling the wearer about.</summary>
    private void Restart(in WearerSample s, string why)
    {
        if (_windowCount > 0 && s.TimeMicroseconds - _windowStart >= 1_000_000)
        {
            Interruption = why;
            Interruptions++;
        }

        _windowCount = 0;
    }

    private bool Moved(Vector3D sum, Vector3D up) => Vector3D.AngleDegrees(sum, up) > _options.StillToleranceDegrees;

    private void Bend(in WearerSample s)
    {
        if (s.LumbarUp.IsNaN || s.PelvisUp.IsNaN)
        {
            Fail($"the {(s.LumbarUp.IsNaN ? "lumbar" : "pelvis")} sensor dropped out during the bend; check that it is on and connected, then start again");
            return;
        }

        double lumbar = Vector3D.AngleDegrees(_lumbarNeutral, s.LumbarUp);
        double pelvis = Vector3D.AngleDegrees(_pelvisNeutral, s.PelvisUp);
        if (lumbar > _options.BackUpDegrees && _bendStart < 0)
        {
            _bendStart = s.TimeMicroseconds;
        }
        else if (lumbar <= _options.BackUpDegrees && !_bending)
        {
            _bendStart = -1; // a small lean that came back is not the start of the bend
        }

        if (!_bending)
        {
            if (lumbar >= _options.MinBendDegrees)
            {
                _bending = true;
            }
            else if (s.TimeMicroseconds - _neutralAt > _options.BendWithin.TotalMicroseconds)
            {
                Fail(_lumbarPeak < 1
                    ? $"no forward bend came within {_options.BendWithin.TotalSeconds:0} s; bend forward slowly as far as is comfortable, then come back up"
                    : $"the bend was too small: the lower back turned only {_lumbarPeak:0}° (at least {_options.MinBendDegrees:0}° is needed); bend forward further, slowly, as far as is comfortable");
                return;
            }
        }

        _lumbarSum += Vector3D.Cross(_lumbarNeutral, s.LumbarUp.Normalized());
        _pelvisSum += Vector3D.Cross(_pelvisNeutral, s.PelvisUp.Normalized());
        _lumbarPeak = Math.Max(_lumbarPeak, lumbar);
        _pelvisPeak = Math.Max(_pelvisPeak, pelvis);
        if (_bending && lumbar <= _options.BackUpDegrees)
        {
            Finish(TimeSpan.FromMicroseconds(s.TimeMicroseconds - _bendStart));
        }
    }

    private void Finish(TimeSpan took)
    {
        if (took < _options.MinBendDuration)
        {
            Fail($"the bend was too fast ({took.TotalSeconds:0.0} s down and up); bend slowly, taking at least {_options.MinBendDuration.TotalSeconds:0} s");
            return;
        }

        if (_pelvisPeak < _options.MinSensorTurnDegrees)
        {
            Fail($"the pelvis sensor turned only {_pelvisPeak:0}° in the bend; bend from the hips as well, and check that it is stuck on the sacrum");
            return;
        }

        Result = (new SensorAlignment(_lumbarNeutral, -_lumbarSum), new SensorAlignment(_pelvisNeutral, -_pelvisSum));
        Step = FunctionalCalibrationStep.Done;
    }

    private void Fail(string why)
    {
        Failure = why;
        Step = FunctionalCalibrationStep.Failed;
    }
}
