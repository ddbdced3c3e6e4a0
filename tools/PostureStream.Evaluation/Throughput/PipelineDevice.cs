using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using PostureStream.Cli.Run;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Vocabulary;

namespace PostureStream.Evaluation.Throughput;

/// <summary>
/// One device's pipeline as <c>run</c> wires it (DevicePipeline), minus the link and the session's thread:
/// PSP bytes → decoder → signal conditioning (Rx) → detection → storage records → line protocol. Everything
/// runs synchronously on the caller's thread, so a loop over many devices measures one core.
/// </summary>
internal sealed class PipelineDevice : IDetectionSink, IDisposable
{
    private readonly PspStreamDecoder _decoder = new();
    private readonly Subject<PspMessage> _messages = new();
    private readonly DeviceCalibration _calibration;
    private readonly PostureInput[] _inputs = new PostureInput[PspLayout.MaxSamplesPerFrame];
    private readonly LineProtocolWriter _writer;
    private readonly IDisposable _subscription;
    private DeviceDetector? _detector;
    private DeviceSeries? _series;

    public PipelineDevice(ICalibrationStore calibrations, IScheduler scheduler, SignalOptions signals, DetectionOptions detection, LineProtocolWriter writer)
    {
        _writer = writer;
        Detection = detection;
        _calibration = new DeviceCalibration(calibrations);
        _subscription = _messages.ConditionSignals(_calibration, scheduler, signals).Subscribe(OnFrame);
    }

    private DetectionOptions Detection { get; }

    public long Samples { get; private set; }

    public long Lines { get; private set; }

    /// <summary>Feeds bytes as a link would deliver them (any chunking).</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        while (_decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            if (frame.Type == PspMessageType.Hello && _series is null)
            {
                var hello = (HelloMessage)frame.ToMessage();
                _series = new DeviceSeries(hello.Name, hello.DeviceId);
                _detector = new DeviceDetector(new Vocabulary.DeviceIdentity(hello.DeviceId, hello.Name), Detection);
                _messages.OnNext(hello);
            }
            else if (frame.Type is PspMessageType.Samples or PspMessageType.Status or PspMessageType.Event)
            {
                _messages.OnNext(frame.ToMessage());
            }
        }
    }

    /// <summary>End of the source: clear open episodes and flush the partial minute, as <c>run</c> does.</summary>
    public void Complete() => _detector?.Complete(this);

    private void OnFrame(PostureFrame frame)
    {
        if (_detector is null || frame.Kind != FrameKind.Samples)
        {
            return;
        }

        int count = PostureInputAdapter.Fill(frame, _inputs);
        Samples += count;
        _detector.Process(_inputs.AsSpan(0, count), this);
        _calibration.ReportSitting(_detector.Activity == Activity.Sitting);
        _calibration.ReportWalking(_detector.ContinuousWalking);
    }

    void IDetectionSink.OnPosture(in PosturePoint point) => Count(_writer.WritePosture(StorageMapping.Posture(in point, _series!)));

    void IDetectionSink.OnAlert(in AlertEvent alert) => Count(_writer.WritePostureAlert(StorageMapping.Alert(in alert, _series!)));

    void IDetectionSink.OnBend(in BendEvent bend) => Count(_writer.WritePostureBend(StorageMapping.Bend(in bend, _series!)));

    void IDetectionSink.OnSummary(in MinuteSummary summary) => Count(_writer.WritePostureSummary(StorageMapping.Summary(in summary, _series!)));

    void IDetectionSink.OnStateChanged(in DetectionStateChange change)
    {
    }

    private void Count(bool written) => Lines += written ? 1 : 0;

    public void Dispose()
    {
        _subscription.Dispose();
        _messages.Dispose();
        _calibration.Dispose();
    }
}
