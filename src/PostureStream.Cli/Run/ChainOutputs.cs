using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>
/// Where one device's chain outputs go in a run (Cli/Run README): stores, alerts file, terminal, live view, and a buzz
/// request for an alert that buzzes. Shared by a PSP device's pipeline and a wearer's, so both map outputs the same
/// way; it computes nothing. It also keeps the device's series (the current one, and the one just replaced, which
/// the outputs the chain flushes for a previous device still carry) and its sample clock for log lines.
/// </summary>
internal sealed class ChainOutputs(RunContext context, LiveView? live, LinkStatsStamp statsStamp, Func<string> name, Action<AlertEvent> buzz, long sampleClockTicks) : IDeviceChainSink
{
    private DeviceSeries? _series;
    private DeviceSeries? _previousSeries;
    private long _sampleClockTicks = sampleClockTicks;

    /// <summary>The chain these outputs come from (set right after it is built: the chain needs its sink first).</summary>
    public DeviceChain? Chain { get; set; }

    /// <summary>The device's series once identified; read from the dashboard's request threads too.</summary>
    public DeviceSeries? Series => Volatile.Read(ref _series);

    public LinkStatsStamp StatsStamp => statsStamp;

    /// <summary>
    /// The UTC of the latest sample, which log lines carry (as alerts do), so a replay's log reads in order; null
    /// before the first sample of an arrival-clocked source (the line then carries wall time).
    /// </summary>
    public DateTime? SampleClock
    {
        get
        {
            long ticks = Volatile.Read(ref _sampleClockTicks);
            return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc);
        }
    }

    /// <summary>The device is (now) <paramref name="device"/>; true when that is a new device.</summary>
    public bool Identify(DeviceIdentity device)
    {
        if (_series is not null && _series.Device == device)
        {
            return false;
        }

        _previousSeries = _series;
        // Published with release semantics: the dashboard reads it from its request threads.
        Volatile.Write(ref _series, new DeviceSeries(device));
        return true;
    }

    /// <summary>The series of the device an output belongs to: the current one, or the one just replaced.</summary>
    private DeviceSeries SeriesOf(DeviceIdentity device) =>
        _previousSeries is { } previous && previous.Device == device && _series!.Device != device ? previous : _series!;

    void IDeviceChainSink.OnBatch(in ChainBatch batch)
    {
        Volatile.Write(ref _sampleClockTicks, batch.Utc.Ticks);
        statsStamp.Sample(batch.Utc);
        live?.Batch(batch.Calibration, batch.Faults);
    }

    void IDeviceChainSink.OnStatus(in DeviceStatus status, DateTime utc)
    {
        live?.Status(status.BatteryPercent, status.BatteryMillivolts);
        if (StorageMapping.Status(in status, utc, _series!) is { } record)
        {
            context.Stores.Write(record, context.StorePacing);
        }
    }

    void IDeviceChainSink.OnCue(DeviceCue cue, long deviceMicroseconds, DateTime utc)
    {
        if (cue == DeviceCue.SnoozeButton)
        {
            context.Reporter.Link(name(), "snoozed from the device button", SampleClock);
        }
    }

    // Ten seconds without data on a live link: the chain treated it as a long gap (Signals README, device time).
    void IDeviceChainSink.OnSilence(DateTime utc) => context.Reporter.Link(name(), "silent for 10 s", SampleClock);

    void IDeviceChainSink.OnCalibration(CalibrationNotice notice)
    {
        context.Reporter.Calibration(name(), notice, SampleClock);
        // Every neutral taken is kept in the store too: its history is the wearer's habitual standing inclination.
        if (notice.Kind == CalibrationNoticeKind.Taken && Chain is { } chain && NeutralMapping.Taken(chain.Calibration.Record, notice.Neutral, _series!) is { } neutral)
        {
            context.Stores.Write(neutral, context.StorePacing);
        }
    }

    void IDeviceChainSink.OnSessionDone(byte minutes, long deviceMicroseconds, DateTime utc)
    {
        if (context.SessionButton is { } button)
        {
            button.Pressed(_series!, minutes, utc, name(), SampleClock);
        }
        else
        {
            context.Reporter.Link(name(), "session button pressed: not recorded (this run has no store to read programmes from)", SampleClock);
        }
    }

    void IDetectionSink.OnPosture(in PosturePoint point)
    {
        context.Stores.Write(StorageMapping.Posture(in point, SeriesOf(point.Device)), context.StorePacing);
        if (Chain?.Detector is { } detector)
        {
            live?.Posture(in point, detector);
        }
    }

    void IDetectionSink.OnAlert(in AlertEvent alert)
    {
        context.Stores.Write(StorageMapping.Alert(in alert, SeriesOf(alert.Device)), context.StorePacing);
        context.Alerts?.Write(in alert);
        live?.Alert(in alert);
        context.Reporter.Alert(in alert);
        if (alert.Buzzed)
        {
            buzz(alert);
        }
    }

    void IDetectionSink.OnBend(in BendEvent bend) => context.Stores.Write(StorageMapping.Bend(in bend, SeriesOf(bend.Device)), context.StorePacing);

    void IDetectionSink.OnSummary(in MinuteSummary summary) => context.Stores.Write(StorageMapping.Summary(in summary, SeriesOf(summary.Device)), context.StorePacing);

    void IDetectionSink.OnStateChanged(in DetectionStateChange change) => context.Reporter.StateChanged(in change);
}
