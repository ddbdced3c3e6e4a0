using PostureStream.Dashboard.Live;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using DashboardCalibration = PostureStream.Dashboard.Live.CalibrationState;
using SignalCalibration = PostureStream.Signals.CalibrationState;

namespace PostureStream.Cli.Run;

/// <summary>
/// What the dashboard's live tab shows of one device, published a few times a second of device time
/// (not per sample: a thousand devices must not flood the page).
/// </summary>
internal sealed class LiveView(LiveFeedHub hub, Transport transport)
{
    private const long PublishEveryMicros = 250_000;
    private long _lastPublished = long.MinValue;
    private LiveAlert? _lastAlert;
    private int? _batteryPercent;
    private int? _batteryMillivolts;
    private bool _connected = true;
    private long _lostFrames;
    private long _errorFrames;
    private long _reconnects;
    private SignalCalibration _calibration;
    private SensorFaults _faults;
    private CalibrationGuidance? _guidance;

    /// <summary>The chain conditioned a batch: its calibration state and the sensors in fault at its end.</summary>
    public void Batch(SignalCalibration calibration, SensorFaults faults)
    {
        _calibration = calibration;
        _faults = faults;
    }

    /// <summary>A wearer's guided calibration step, or a sensor that moved (any thread); shown from the next update on.</summary>
    public void Guide(CalibrationGuidance? guidance) => Volatile.Write(ref _guidance, guidance);

    public void Status(int? percent, int? millivolts)
    {
        _batteryPercent = percent;
        _batteryMillivolts = millivolts;
    }

    public void Link(bool connected, long lostFrames = 0, long errorFrames = 0, long reconnects = -1)
    {
        _connected = connected;
        _lostFrames += lostFrames;
        _errorFrames += errorFrames;
        if (reconnects >= 0)
        {
            _reconnects = reconnects;
        }
    }

    public void Alert(in AlertEvent alert) => _lastAlert = new LiveAlert(
        alert.Utc,
        alert.Kind,
        alert.Phase,
        alert.DurationSeconds,
        alert.PeakDeltaDegrees,
        alert.Buzzed);

    public void Posture(in PosturePoint point, DeviceDetector detector)
    {
        if (point.DeviceMicros - _lastPublished < PublishEveryMicros && _lastPublished != long.MinValue)
        {
            return;
        }

        _lastPublished = point.DeviceMicros;
        (AlertKind Kind, TimeSpan Accumulated)? episode = detector.RunningEpisode;
        long snoozedUntil = detector.SnoozedUntilMicros;
        hub.Publish(new LiveDeviceUpdate
        {
            DeviceId = point.Device.IdHex,
            Device = point.Device.Name,
            TimeUtc = DateTime.SpecifyKind(point.Utc, DateTimeKind.Utc),
            Activity = point.Activity,
            State = point.State,
            PelvicTilt = Finite(point.PelvicTilt),
            LumbarFlexion = Finite(point.LumbarFlexion),
            LordosisDelta = Finite(point.LordosisDelta),
            EpisodeTime = episode?.Accumulated ?? TimeSpan.Zero,
            EpisodeKind = episode?.Kind,
            LastAlert = _lastAlert,
            BatteryPercent = _batteryPercent,
            BatteryMillivolts = _batteryMillivolts,
            Link = new LinkHealth(_connected, transport, _lostFrames, _errorFrames, _reconnects),
            Calibration = _calibration switch
            {
                SignalCalibration.Calibrated => DashboardCalibration.Calibrated,
                SignalCalibration.Stale => DashboardCalibration.Stale,
                _ => DashboardCalibration.Uncalibrated,
            },
            SensorFault = _faults switch
            {
                SensorFaults.Both => "both sensors",
                SensorFaults.Lumbar => "lumbar sensor",
                SensorFaults.Pelvis => "pelvis sensor",
                _ => null,
            },
            SnoozedUntilUtc = snoozedUntil > point.DeviceMicros
                ? DateTime.SpecifyKind(point.Utc, DateTimeKind.Utc).AddTicks((snoozedUntil - point.DeviceMicros) * TimeSpan.TicksPerMicrosecond)
                : null,
            Guidance = Volatile.Read(ref _guidance),
        });
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
