using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

public sealed class BatchSplitTests
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
}
