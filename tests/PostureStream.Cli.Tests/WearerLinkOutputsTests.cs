using PostureStream.Cli.Run;
using PostureStream.Devices.WitMotion;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Wearers;
using PostureStream.Storage.Points;
using PostureStream.Vocabulary;

namespace PostureStream.Cli.Tests;

/// <summary>A wearer's two sensor links as stored points: one series per segment, a status point per change of a link, none at a run's stop.</summary>
public sealed class WearerLinkOutputsTests : IDisposable
{
    private static readonly DeviceSeries Wearer = new(new DeviceIdentity(0x77, "W"));
    private static readonly long T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
    private readonly RecordingStore _store = new();
    private readonly StringWriter _output = new();
    private readonly WearerLinkOutputs _links;

    public WearerLinkOutputsTests()
    {
        var context = new RunContext
        {
            Detection = new DetectionOptions(),
            Calibration = new CalibrationOptions(),
            CalibrationStore = new InMemoryCalibrationStore(),
            Stores = new CompositePointStore([_store]),
            Reporter = new RunReporter(_output, _output, quiet: true, TimeProvider.System),
            Buzz = new BuzzSettings { Enabled = false },
            CommandStart = DateTimeOffset.UnixEpoch,
        };
        _links = new WearerLinkOutputs(context, live: null, () => Wearer);
    }

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Intervals_AreLinkStatsOfTheirSegment_AtTheIntervalsArrivalStart()
    {
        _links.Interval(WearerSegment.Lumbar, T0 + 10_000_000, Stats(T0, packets: 500, errors: 2));
        _links.Interval(WearerSegment.Pelvis, T0 + 10_000_000, Stats(T0, packets: 480, errors: 0));

        Assert.Equal(
            [
                new LinkStatsRecord(Wearer, Utc(T0), Transport.Serial, 500, 100, 2, 0, 0, 0, 1, 0, BodySegment.Lumbar),
                new LinkStatsRecord(Wearer, Utc(T0), Transport.Serial, 480, 100, 0, 0, 0, 0, 1, 0, BodySegment.Pelvis),
            ],
            _store.Points);
    }

    [Fact]
    public void LostRestoredAndEnded_AreStatusPointsOfTheSegment_ButARunsStopIsNot()
    {
        _links.Interval(WearerSegment.Lumbar, T0 + 10_000_000, Stats(T0, 500, 0));
        _links.Interval(WearerSegment.Pelvis, T0 + 10_000_000, Stats(T0, 500, 0));
        _links.Lost(WearerSegment.Pelvis, T0 + 12_000_000);
        _links.Restored(WearerSegment.Pelvis, T0 + 15_000_000);
        _links.Interval(WearerSegment.Pelvis, T0 + 20_000_000, Stats(T0 + 10_000_000, 300, 0));
        _links.Ended(WearerSegment.Pelvis, stopping: false);
        _links.Ended(WearerSegment.Lumbar, stopping: true);

        Assert.Equal(
            [
                DeviceStatusRecord.LinkFault(Wearer, Utc(T0 + 12_000_000), BodySegment.Pelvis, fault: true),
                DeviceStatusRecord.LinkFault(Wearer, Utc(T0 + 15_000_000), BodySegment.Pelvis, fault: false),
                DeviceStatusRecord.LinkFault(Wearer, Utc(T0 + 20_000_000), BodySegment.Pelvis, fault: true),
            ],
            _store.Points.OfType<DeviceStatusRecord>());
    }

    [Fact]
    public void ALinkThatEndsWhileLost_IsNotFaultedTwice()
    {
        _links.Interval(WearerSegment.Lumbar, T0 + 10_000_000, Stats(T0, 500, 0));
        _links.Lost(WearerSegment.Lumbar, T0 + 11_000_000);
        _links.Ended(WearerSegment.Lumbar, stopping: false);

        Assert.Single(_store.Points.OfType<DeviceStatusRecord>());
    }

    private static WitMotionLinkStats Stats(long start, long packets, long errors) =>
        new(Transport.Serial, start, TimeSpan.FromSeconds(10), packets, Samples: 100, errors, SkippedPackets: 0, DiscardedBytes: 0, Resyncs: 1, Reconnects: 0);

    private static DateTime Utc(long microseconds) => DateTime.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);

    /// <summary>Keeps every point it is given, in order.</summary>
    private sealed class RecordingStore : IPointStore
    {
        public List<IStoredPoint> Points { get; } = [];

        public bool Write<T>(in T point)
            where T : struct, IStoredPoint
        {
            Points.Add(point);
            return true;
        }

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
