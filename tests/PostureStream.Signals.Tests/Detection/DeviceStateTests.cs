using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

public sealed class DeviceStateTests
{
    private sealed class NullSink : IDetectionSink
    {
        public int Count { get; private set; }

        public void OnPosture(in PosturePoint point) => Count++;

        public void OnAlert(in AlertEvent alert) => Count++;

        public void OnBend(in BendEvent bend) => Count++;

        public void OnSummary(in MinuteSummary summary) => Count++;

        public void OnStateChanged(in DetectionStateChange change) => Count++;
    }

    [Fact]
    public void StatePerDevice_IsWellUnderEightKibibytes()
    {
        var rules = DetectionRules.From(new DetectionOptions());
        var device = new DeviceIdentity(1, "d");
        _ = new DeviceDetector(device, rules);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var detector = new DeviceDetector(device, rules);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(detector);
        Assert.InRange(bytes, 1, 8 * 1024);
    }

    [Fact]
    public void SteadyState_AllocatesNothingPerSample()
    {
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 30).Hold(Pose.Walking(-12), 30).Hold(Pose.Sitting(-12), 90)
            .Hold(Pose.Bending(60, 10), 3).Hold(Pose.Standing(9), 90).Gap(3).Hold(Pose.LumbarFault(), 10).Hold(Pose.Standing(), 10);
        PostureInput[] samples = b.Build();
        var sink = new NullSink();
        var detector = new DeviceDetector(Detect.Device, Detect.Options());
        Detect.Feed(detector, samples, sink);
        detector.Complete(sink);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Detect.Feed(detector, samples, sink);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sink.Count > 5000);
        Assert.Equal(0, bytes);
    }
}
