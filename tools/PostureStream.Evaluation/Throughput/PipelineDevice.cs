using System.Reactive.Concurrency;
using PostureStream.Cli.Run;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;

namespace PostureStream.Evaluation.Throughput;

/// <summary>
/// One device's pipeline as <c>run</c> wires it, minus the link and the session's thread: PSP bytes → decoder →
/// <see cref="PspChainFeed"/> → the one <see cref="DeviceChain"/> → storage records → line protocol. Everything runs
/// synchronously on the caller's thread, so a loop over many devices measures one core.
/// </summary>
internal sealed class PipelineDevice : IDeviceChainSink, IDisposable
{
    private readonly PspStreamDecoder _decoder = new();
    private readonly DeviceChain _chain;
    private readonly PspChainFeed _feed;
    private readonly LineProtocolWriter _writer;
    private DeviceSeries? _series;

    public PipelineDevice(ICalibrationStore calibrations, IScheduler scheduler, DeviceChainOptions options, LineProtocolWriter writer)
    {
        _writer = writer;
        _chain = new DeviceChain(calibrations, this, scheduler, options);
        _feed = new PspChainFeed(_chain);
    }

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
                var device = new Vocabulary.DeviceIdentity(hello.DeviceId, hello.Name);
                _series = new DeviceSeries(device);
                _feed.Identify(device, hello.SampleRateHz, hello.Sensors);
            }
            else if (frame.Type is PspMessageType.Samples or PspMessageType.Status or PspMessageType.Event)
            {
                _feed.Message(frame.ToMessage());
            }
        }
    }

    /// <summary>End of the source: clear open episodes and flush the partial minute, as <c>run</c> does.</summary>
    public void Complete() => _chain.Complete();

    void IDeviceChainSink.OnBatch(in ChainBatch batch) => Samples += batch.Count;

    void IDetectionSink.OnPosture(in PosturePoint point) => Count(_writer.WritePosture(StorageMapping.Posture(in point, _series!)));

    void IDetectionSink.OnAlert(in AlertEvent alert) => Count(_writer.WritePostureAlert(StorageMapping.Alert(in alert, _series!)));

    void IDetectionSink.OnBend(in BendEvent bend) => Count(_writer.WritePostureBend(StorageMapping.Bend(in bend, _series!)));

    void IDetectionSink.OnSummary(in MinuteSummary summary) => Count(_writer.WritePostureSummary(StorageMapping.Summary(in summary, _series!)));

    void IDetectionSink.OnStateChanged(in DetectionStateChange change)
    {
    }

    private void Count(bool written) => Lines += written ? 1 : 0;

    public void Dispose() => _chain.Dispose();
}
