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
    private bool _bending;
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

    /// <summary>Starts (or restarts) with the stand-still step.</summary>
    public void Start()
    {
        Step = FunctionalCalibrationStep.StandStill;
        Result = null;
        Failure = null;
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
            _windowCount = 0; // both sensors must be there for the whole window
            return;
        }

        if (_windowCount > 0 && (Moved(_lumbarSum, s.LumbarUp) || Moved(_pelvisSum, s.PelvisUp)))
        {
            _windowCount = 0;
        }

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
            _lumbarPeak = _pelvisPeak = 0;
            _lumbarSum = _pelvisSum = default;
            Step = FunctionalCalibrationStep.Bend;
        }
    }

    private bool Moved(Vector3D sum, Vector3D up) => Vector3D.AngleDegrees(sum, up) > _options.StillToleranceDegrees;

    private void Bend(in WearerSample s)
    {
        if (s.LumbarUp.IsNaN || s.PelvisUp.IsNaN)
        {
            Fail("a sensor dropped out during the bend; start again");
            return;
        }

        double lumbar = Vector3D.AngleDegrees(_lumbarNeutral, s.LumbarUp);
        double pelvis = Vector3D.AngleDegrees(_pelvisNeutral, s.PelvisUp);
        if (!_bending)
        {
            if (lumbar >= _options.MinBendDegrees)
            {
                _bending = true;
            }
            else if (s.TimeMicroseconds - _neutralAt > _options.BendWithin.TotalMicroseconds)
            {
                Fail($"no forward bend of at least {_options.MinBendDegrees:0}° came within {_options.BendWithin.TotalSeconds:0} s; start again and bend forward slowly as far as is comfortable");
                return;
            }
        }

        _lumbarSum += Vector3D.Cross(_lumbarNeutral, s.LumbarUp.Normalized());
        _pelvisSum += Vector3D.Cross(_pelvisNeutral, s.PelvisUp.Normalized());
        _lumbarPeak = Math.Max(_lumbarPeak, lumbar);
        _pelvisPeak = Math.Max(_pelvisPeak, pelvis);
        if (_bending && lumbar <= _options.BackUpDegrees)
        {
            Finish();
        }
    }

    private void Finish()
    {
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
