using System.Reactive.Subjects;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

public sealed class UtcStampTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 6, 30, 0, TimeSpan.Zero);
    private static readonly Func<int, (double, double, double, double)> Level = _ => (1, 2, 3, 4);

    [Fact]
    public void DeviceClock_StampsStartPlusDeviceTime()
    {
        var options = new DeviceTimeOptions { Clock = ClockSource.Device, Start = Start };
        var messages = PspMessageBuilder.Batches(uint.MaxValue - 20_000, 50, 10_000, 16, Level);

        var samples = Frames.SamplesOf(Frames.Run(messages, s => s.UnwrapTicks(options).StampUtc(options, new TestScheduler())));

        long start = Start.ToUnixTimeMilliseconds() * 1000;
        for (int i = 0; i < samples.Count; i++)
        {
            Assert.Equal(start + (i * 10_000L), samples[i].UtcMicroseconds);
        }
    }

    [Fact]
    public void Live_FirstFrameIsAnchoredToItsArrival_AndControlFramesTakeTheLastSampleStamp()
    {
        var scheduler = new TestScheduler(Start);
        var link = new Subject<PspMessage>();
        var recorder = new Recorder<PostureFrame>();
        var options = new DeviceTimeOptions();
        using IDisposable _ = link.UnwrapTicks(options).StampUtc(options, scheduler).Subscribe(recorder);

        link.OnNext(PspMessageBuilder.Samples([1_000_000, 1_010_000, 1_020_000], _ => (1, 2, 3, 4)));
        link.OnNext(PspMessageBuilder.Status());

        PostureFrame first = recorder.Items[0];
        Assert.Equal(Start, first.Utc);
        Assert.Equal(first.UtcMicroseconds - 20_000, first.Samples[0].UtcMicroseconds);
        Assert.Equal(first.UtcMicroseconds, recorder.Items[1].UtcMicroseconds);
    }

    [Fact]
    public void Live_DeviceReset_ReanchorsToTheArrivalOfTheNewSegment_AndEventsAreStampedAtTheirTick()
    {
        var scheduler = new TestScheduler(Start);
        var link = new Subject<PspMessage>();
        var recorder = new Recorder<PostureFrame>();
        var options = new DeviceTimeOptions();
        using IDisposable _ = link.UnwrapTicks(options).StampUtc(options, scheduler).Subscribe(recorder);

        link.OnNext(PspMessageBuilder.Samples([50_000_000, 50_010_000], _ => (1, 2, 3, 4)));
        link.OnNext(PspMessageBuilder.Event(50_005_000, DeviceEventCode.SnoozeRequest));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(30));
        link.OnNext(PspMessageBuilder.Samples([2_000, 12_000], _ => (1, 2, 3, 4)));

        Assert.Equal(Start.AddMilliseconds(-5), recorder.Items[1].Utc);
        PostureFrame after = recorder.Items[2];
        Assert.True((after.Samples[0].Marks & SampleMarks.DeviceReset) != 0);
        Assert.Equal(Start.AddSeconds(30), after.Utc);
        Assert.Equal(after.UtcMicroseconds - 10_000, after.Samples[0].UtcMicroseconds);
    }

    [Theory]
    [InlineData(0.005)]
    [InlineData(-0.005)]
    [InlineData(0.003)]
    public void ArrivalClock_OverADayOfSkew_StaysWithin50MsOfArrival(double skew)
    {
        // The device clock runs (1 + skew) times the host's; frames of 10 samples at 100 Hz arrive 2–25 ms
        // after their last sample, with an occasional 120 ms stall (arrival itself is late then: not counted
        // against the stamp's distance from arrival, but the stamp must not follow it).
        var clock = default(ArrivalClock);
        long bucket = (long)new DeviceTimeOptions().SkewBucket.TotalMicroseconds;
        var latency = new Random(7);
        long hostStart = Start.ToUnixTimeMilliseconds() * 1000;
        double worstFromArrival = 0;
        double worstFromTruth = 0;
        for (long frame = 0; frame < 864_000; frame++)
        {
            long hostOfLast = (frame * 100_000) + 90_000;
            long deviceOfLast = (long)Math.Round(hostOfLast * (1 + skew));
            bool stalled = frame % 997 == 0;
            long arrival = hostStart + hostOfLast + latency.Next(2_000, 25_000) + (stalled ? 120_000 : 0);

            clock.Observe(deviceOfLast, arrival, bucket);
            long stamp = clock.Stamp(deviceOfLast);

            worstFromTruth = frame == 0 ? 0 : Math.Max(worstFromTruth, Math.Abs(hostStart + hostOfLast - stamp)); // frame 0 is the anchor, by definition at its (stalled) arrival
            worstFromArrival = stalled ? worstFromArrival : Math.Max(worstFromArrival, Math.Abs(arrival - stamp));
        }

        Assert.True(worstFromArrival <= 50_000, $"worst distance from arrival {worstFromArrival / 1000:F1} ms");
        Assert.True(worstFromTruth <= 50_000, $"worst distance from when the sample was taken {worstFromTruth / 1000:F1} ms");
    }

    [Fact]
    public void Live_PipelineOverAnHourOfHalfPercentSkew_StampsWithin50MsOfArrival()
    {
        var scheduler = new TestScheduler(Start);
        var link = new Subject<PspMessage>();
        var recorder = new Recorder<PostureFrame>();
        using var calibration = new DeviceCalibration(new InMemoryCalibrationStore());
        using IDisposable _ = link.ConditionSignals(calibration, scheduler).Subscribe(recorder);
        var arrivals = new List<DateTimeOffset>();
        var jitter = new Random(3);
        int index = 0;
        foreach (SamplesMessage batch in PspMessageBuilder.Batches(uint.MaxValue - 3_000_000, 360_000, 10_050, 16, Level))
        {
            // 16 samples of 10.05 device-ms are 160 ms of host time at 0.5 % skew.
            index++;
            DateTimeOffset arrival = Start + TimeSpan.FromMicroseconds((index * 160_000L) + jitter.Next(1_000, 20_000));
            arrivals.Add(arrival);
            scheduler.At(arrival, () => link.OnNext(batch));
        }

        scheduler.AdvanceTo(arrivals[^1]);

        var frames = recorder.Items.FindAll(f => f.Kind == FrameKind.Samples);
        Assert.Equal(arrivals.Count, frames.Count);
        Assert.DoesNotContain(recorder.Items, f => f.Kind == FrameKind.Silence);
        for (int i = 0; i < frames.Count; i++)
        {
            TimeSpan off = arrivals[i] - frames[i].Utc;
            Assert.InRange(off.TotalMilliseconds, -50, 50);
        }

        var stamps = Frames.SamplesOf(frames).ConvertAll(s => s.UtcMicroseconds);
        Assert.All(Enumerable.Range(1, stamps.Count - 1), i => Assert.True(stamps[i] > stamps[i - 1]));
    }
}
