using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

public sealed class EngineTests
{
    private static PostureInput[] Day() => new PostureInputBuilder()
        .Hold(Pose.Standing(), 20).Hold(Pose.Walking(), 15).Hold(Pose.Sitting(-13), 75).Hold(Pose.Bending(55, 15), 3)
        .Hold(Pose.Standing(9), 70).Gap(4).Hold(Pose.LumbarFault(), 5).Hold(Pose.Standing(-11), 65).Build();

    private static List<string> Describe(RecordingSink sink) =>
    [
        .. sink.Alerts.Select(a => a.ToString()),
        .. sink.Bends.Select(b => b.ToString()),
        .. sink.Summaries.Select(s => s.ToString()),
        .. sink.Points.Select(p => p.ToString()),
        .. sink.Changes.Select(c => c.ToString()),
    ];

    [Fact]
    public void AnySplitIntoBatches_GivesTheSameOutputs()
    {
        PostureInput[] samples = Day();
        List<string> reference = Describe(Detect.Run(samples, Detect.Options(), complete: true));
        var random = new Random(3);
        for (int trial = 0; trial < 5; trial++)
        {
            var sink = new RecordingSink();
            var detector = new DeviceDetector(Detect.Device, Detect.Options());
            for (int at = 0; at < samples.Length;)
            {
                int n = Math.Min(random.Next(1, 17), samples.Length - at);
                detector.Process(samples.AsSpan(at, n), sink);
                at += n;
            }

            detector.Complete(sink);
            Assert.Equal(reference, Describe(sink));
        }
    }

    [Fact]
    public void Devices_AreIndependent_AndCompletedInIdOrder()
    {
        var a = new DeviceIdentity(2, "b-device");
        var z = new DeviceIdentity(1, "a-device");
        PostureInput[] slump = new PostureInputBuilder().Hold(Pose.Standing(-12), 70).Build();
        PostureInput[] upright = new PostureInputBuilder().Hold(Pose.Standing(0), 70).Build();
        var sink = new RecordingSink();
        var engine = new DetectionEngine(Detect.Options(), sink);
        for (int at = 0; at < slump.Length; at += 16)
        {
            int n = Math.Min(16, slump.Length - at);
            engine.Process(a, slump.AsSpan(at, n));
            engine.Process(z, upright.AsSpan(at, n));
        }

        engine.CompleteAll();
        Assert.All(sink.Alerts, x => Assert.Same(a, x.Device));
        Assert.Equal(2, sink.Alerts.Count);
        Assert.Equal([z, a], sink.Summaries.Skip(2).Select(s => s.Device));
    }

    [Fact]
    public void EndOfStreamBatch_CompletesThatDeviceOnly()
    {
        var other = new DeviceIdentity(9, "other");
        PostureInput[] slump = new PostureInputBuilder().Hold(Pose.Standing(-12), 70).Build();
        var sink = new RecordingSink();
        var engine = new DetectionEngine(Detect.Options(), sink);
        engine.Process(new PostureBatch(other, slump));
        engine.Process(new PostureBatch(Detect.Device, slump));
        engine.Process(PostureBatch.End(Detect.Device));
        Assert.Equal([AlertPhase.Raised, AlertPhase.Raised, AlertPhase.Cleared], sink.Alerts.Select(a => a.Phase));
        Assert.Same(Detect.Device, sink.Alerts[2].Device);
    }
}
