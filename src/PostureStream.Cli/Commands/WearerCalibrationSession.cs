using System.Globalization;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using PostureStream.Signals;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>calibrate --wearer NAME --lumbar URI --pelvis URI</c>: the guided functional calibration of a wearer of two
/// sensors, in the terminal. Both sensors are read as <c>run</c> reads them (the same sources, timed captures merged in
/// arrival order so a replay is deterministic), onto one grid, into a <see cref="FunctionalCalibration"/>. The wearer
/// is told each step (stand still 5 s, with the seconds counted; one slow forward bend and back up), why a step starts
/// over (moved while standing, a sensor silent) and why an attempt failed (no bend, too small, too fast), and tries
/// again up to the attempts given. When it works, both sensors' alignments are saved (<see cref="SensorAlignmentStore"/>)
/// and the wearer's standing neutral — the stand-still window itself, which reads 0° on both segments through the new
/// alignments — is saved for the wearer's device id, keeping a sitting neutral already taken.
/// </summary>
internal sealed class WearerCalibrationSession : IWearerSensorOwner, IAsyncDisposable
{
    /// <summary>A sensor that sent nothing for this long (host time) is said to be silent.</summary>
    private static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly WearerSettings _wearer;
    private readonly string _dataDirectory;
    private readonly int _attempts;
    private readonly TextWriter _out;
    private readonly TimeProvider _time;
    private readonly WearerStreams _streams;
    private readonly WitMotionUpDirection _lumbarUp = new();
    private readonly WitMotionUpDirection _pelvisUp = new();
    private readonly List<SegmentSample> _scratch = [];
    private readonly WearerSensorLinks _sensors;
    private readonly TaskCompletionSource<int> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly (string Lumbar, string Pelvis) _keys;
    private readonly DeviceIdentity _identity;
    private int _attempt = 1;
    private int _secondsShown;
    private int _interruptionsShown;
    private long _lumbarLast;
    private long _pelvisLast;
    private bool _lumbarSilentShown;
    private bool _pelvisSilentShown;

    /// <exception cref="PostureStream.Devices.Sources.SourceUriException">A sensor's URI is not a WitMotion source.</exception>
    public WearerCalibrationSession(WearerSettings wearer, string dataDirectory, int attempts, TextWriter output, TimeProvider time)
    {
        _wearer = wearer;
        _dataDirectory = dataDirectory;
        _attempts = attempts;
        _out = output;
        _time = time;
        _sensors = new WearerSensorLinks(wearer, time, _gate, this, (segment, notice) => Say($"  {FunctionalCalibrationPrompts.SegmentName(segment)} sensor: {notice}"));
        WitMotionSourceSpec lumbar = _sensors.Lumbar;
        WitMotionSourceSpec pelvis = _sensors.Pelvis;
        _keys = (WearerPipeline.SensorKey(lumbar), WearerPipeline.SensorKey(pelvis));
        _identity = WearerIdentity.For(wearer.Name, _keys.Lumbar, _keys.Pelvis);
        _streams = new WearerStreams(lumbar.RateHertz ?? pelvis.RateHertz ?? 50);
        _streams.StepChanged = OnStep;
    }

    /// <summary>Connects both sensors and guides the wearer; the exit code once it worked (0) or gave up (1).</summary>
    /// <exception cref="PostureStream.Devices.Links.SourceOpenException">A sensor cannot be opened.</exception>
    public async Task<int> RunAsync(TimeSpan timeout, CancellationToken cancel)
    {
        Say($"Calibrating wearer {_identity.Name} (device {Hex(_identity.Id)}): lumbar sensor {_wearer.Lumbar}, pelvis sensor {_wearer.Pelvis}.");
        lock (_gate)
        {
            StartAttempt();
        }

        await _sensors.StartAsync(cancel, opened: now => _lumbarLast = _pelvisLast = now);

        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        within.CancelAfter(timeout);
        try
        {
            return await _result.Task.WaitAsync(within.Token);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return Give($"no calibration within {timeout.TotalSeconds:0} s (--timeout); try again when ready");
        }
        catch (OperationCanceledException)
        {
            return Give("stopped before the calibration was done; nothing was saved");
        }
    }

    bool IWearerSensorOwner.Done => _result.Task.IsCompleted;

    void IWearerSensorOwner.Event(WearerSegment segment, WitMotionSensorEvent e)
    {
        string sensor = FunctionalCalibrationPrompts.SegmentName(segment);
        switch (e)
        {
            case WitMotionSensorLinkLost:
                Say($"  the {sensor} sensor's link was lost; reconnecting…");
                break;
            case WitMotionSensorLinkRestored:
                Say($"  the {sensor} sensor is back.");
                break;
            case WitMotionSensorNotice notice:
                Say($"  {sensor} sensor: {notice.Message}");
                break;
        }
    }

    /// <summary>A sensor's link failed, or a stage threw (a file that cannot be written): said, and the session ends.</summary>
    void IWearerSensorOwner.Fail(WearerSegment? segment, string message) =>
        Give(segment is { } failed ? $"the {FunctionalCalibrationPrompts.SegmentName(failed)} sensor failed: {message}" : message);

    public void Reading(WearerSegment segment, WitMotionReading reading)
    {
        if (_result.Task.IsCompleted)
        {
            return;
        }

        bool lumbar = segment == WearerSegment.Lumbar;
        if (lumbar)
        {
            _lumbarLast = Math.Max(_lumbarLast, reading.ArrivalMicroseconds);
            _lumbarSilentShown = false;
        }
        else
        {
            _pelvisLast = Math.Max(_pelvisLast, reading.ArrivalMicroseconds);
            _pelvisSilentShown = false;
        }

        if (!(lumbar ? _lumbarUp : _pelvisUp).TryTake(reading, out Vector3D up))
        {
            return;
        }

        if (lumbar)
        {
            _streams.AddLumbar(reading.ArrivalMicroseconds, up);
        }
        else
        {
            _streams.AddPelvis(reading.ArrivalMicroseconds, up);
        }

        Advance(reading.ArrivalMicroseconds);
    }

    /// <summary>Live sensors: the grid moves on while one is silent, and a silent one is named.</summary>
    void IWearerSensorOwner.Tick(long now)
    {
        Advance(now);
        long silentAfter = (long)SilentAfter.TotalMicroseconds;
        if (!_lumbarSilentShown && now - _lumbarLast > silentAfter)
        {
            _lumbarSilentShown = true;
            Say("  the lumbar sensor sends nothing: check that it is switched on, charged and connected (or paired).");
        }

        if (!_pelvisSilentShown && now - _pelvisLast > silentAfter)
        {
            _pelvisSilentShown = true;
            Say("  the pelvis sensor sends nothing: check that it is switched on, charged and connected (or paired).");
        }
    }

    private void Advance(long now)
    {
        _scratch.Clear();
        _streams.Advance(now, _scratch);
        Progress();
    }

    /// <summary>The seconds of the stand-still step, counted as they pass, and why it started over.</summary>
    private void Progress()
    {
        FunctionalCalibration functional = _streams.Functional;
        if (functional.Step != FunctionalCalibrationStep.StandStill || _result.Task.IsCompleted)
        {
            return;
        }

        if (functional.Interruptions != _interruptionsShown && functional.Interruption is { } why)
        {
            _interruptionsShown = functional.Interruptions;
            _secondsShown = 0;
            Say("  " + FunctionalCalibrationPrompts.Interrupted(why));
        }

        int seconds = (int)Math.Floor(functional.StillFor.TotalSeconds);
        if (seconds > _secondsShown && seconds < 5)
        {
            _secondsShown = seconds;
            Say(string.Create(CultureInfo.InvariantCulture, $"  {seconds} of 5 s…"));
        }
    }

    private void OnStep(FunctionalCalibrationStep step)
    {
        FunctionalCalibration functional = _streams.Functional;
        switch (step)
        {
            case FunctionalCalibrationStep.Bend:
                Say("  5 of 5 s: standing neutral taken.");
                Say("Step 2 of 2. " + FunctionalCalibrationPrompts.Bend);
                break;
            case FunctionalCalibrationStep.Done when functional.Result is { } found:
                Finish(found.Lumbar, found.Pelvis);
                break;
            case FunctionalCalibrationStep.Failed:
                Say(FunctionalCalibrationPrompts.Failed(functional.Failure ?? "the calibration stopped"));
                if (_attempt >= _attempts)
                {
                    Give($"no calibration after {_attempts} attempt(s); nothing was saved");
                    return;
                }

                _attempt++;
                Say(string.Create(CultureInfo.InvariantCulture, $"Let's try again (attempt {_attempt} of {_attempts})."));
                StartAttempt();
                break;
            case FunctionalCalibrationStep.Done:
            case FunctionalCalibrationStep.StandStill:
            case FunctionalCalibrationStep.Idle:
                break;
        }
    }

    private void StartAttempt()
    {
        _streams.Functional.Start();
        _secondsShown = 0;
        _interruptionsShown = _streams.Functional.Interruptions;
        Say("Step 1 of 2. " + FunctionalCalibrationPrompts.StandStill);
    }

    private void Finish(SensorAlignment lumbar, SensorAlignment pelvis)
    {
        DateTimeOffset now = _time.GetUtcNow();
        string folder = DataDirectory.CalibrationFolder(_dataDirectory);
        var alignments = new SensorAlignmentStore(folder);
        alignments.Save(new SensorAlignmentRecord(_keys.Lumbar, lumbar, now, Stale: false));
        alignments.Save(new SensorAlignmentRecord(_keys.Pelvis, pelvis, now, Stale: false));

        // Through the new alignments the stand-still window reads 0° on both segments: that is the standing neutral.
        var neutrals = new JsonFileCalibrationStore(folder);
        CalibrationRecord? before = neutrals.Load(_identity.Id);
        neutrals.Save(new CalibrationRecord(
            _identity.Id, new Neutral(new SensorAngles(0, 0, 0, 0), now, CalibrationSource.Command), before?.Sitting, StaleReason.None));

        Say(FunctionalCalibrationPrompts.Done);
        Say($"  lumbar sensor {_keys.Lumbar}: {alignments.PathFor(_keys.Lumbar)}");
        Say($"  pelvis sensor {_keys.Pelvis}: {alignments.PathFor(_keys.Pelvis)}");
        Say($"Standing neutral stored for wearer {_identity.Name} (device {Hex(_identity.Id)}); 'posturestream run --wearer {_wearer.Name} --lumbar {_wearer.Lumbar} --pelvis {_wearer.Pelvis}' uses them.");
        _result.TrySetResult(ExitCodes.Ok);
    }

    /// <summary>A capture ended: once both have, whatever is held goes through; if that did not finish it, it failed.</summary>
    void IWearerSensorOwner.Ended(WearerSegment segment, bool both)
    {
        if (!both)
        {
            if (!_sensors.Replayed)
            {
                Say($"  the {FunctionalCalibrationPrompts.SegmentName(segment)} sensor's source ended.");
            }

            return;
        }

        _scratch.Clear();
        _streams.Flush(_scratch);
        Give("the sensors' data ended before the calibration was done; nothing was saved");
    }

    /// <summary>Gives up with a last line on stderr; the exit code is 1.</summary>
    private int Give(string why)
    {
        if (_result.TrySetResult(ExitCodes.RuntimeFailure))
        {
            Console.Error.WriteLine(CalibrateCommand.Prefix + why);
        }

        return ExitCodes.RuntimeFailure;
    }

    private void Say(string line)
    {
        _out.WriteLine(line);
        _out.Flush();
    }

    private static string Hex(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _sensors.DisposeAsync();
    }
}
