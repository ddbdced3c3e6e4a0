using System.Reactive.Linq;
using System.Reactive.Subjects;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

public sealed class SilenceTests
{
    private static readonly Func<int, (double, double, double, double)> Level = _ => (1, 2, 3, 4);

    [Fact]
    public void LinkSilentForTenSeconds_EmitsOneSilenceFrame_AndMarksTheNextSampleAsALongGap()
    {
        var scheduler = new TestScheduler();
        var link = new Subject<PspMessage>();
        var recorder = new Recorder<PostureFrame>();
        using IDisposable _ = link.UnwrapTicks().MarkSilence(scheduler).Subscribe(recorder);

        link.OnNext(PspMessageBuilder.Samples([0, 10_000], _ => (1, 2, 3, 4)));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(9.9));
        Assert.DoesNotContain(recorder.Items, f => f.Kind == FrameKind.Silence);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(60));
        Assert.Single(recorder.Items, f => f.Kind == FrameKind.Silence);
        Assert.Equal(10_000, recorder.Items[^1].DeviceMicroseconds);

        link.OnNext(PspMessageBuilder.Samples([20_000, 30_000], _ => (1, 2, 3, 4)));
        PostureFrame resumed = recorder.Items[^1];
        Assert.Equal(SampleMarks.Gap | SampleMarks.LongGap | SampleMarks.AfterSilence, resumed.Samples[0].Marks);
        Assert.Equal(SampleMarks.None, resumed.Samples[1].Marks);
        Assert.Equal(69_900_000, resumed.Samples[0].GapMicroseconds);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(10));
        Assert.Equal(2, recorder.Items.Count(f => f.Kind == FrameKind.Silence));
    }

    [Fact]
    public void SteadyLink_IsNeverSilent_AndKeepsOneTimerNotOnePerFrame()
    {
        var scheduler = new TestScheduler();
        var link = new Subject<PspMessage>();
        var recorder = new Recorder<PostureFrame>();
        using IDisposable _ = link.UnwrapTicks().MarkSilence(scheduler).Subscribe(recorder);
        DateTimeOffset start = scheduler.UtcNow;
        int frame = 0;
        foreach (SamplesMessage batch in PspMessageBuilder.Batches(0, 10_000, 10_000, 10, Level))
        {
            scheduler.At(start + TimeSpan.FromMilliseconds(100 * ++frame), () => link.OnNext(batch));
        }

        int scheduledForFrames = scheduler.ScheduledCount;
        scheduler.AdvanceTo(start + TimeSpan.FromSeconds(100));

        Assert.Equal(1000, recorder.Items.Count);
        Assert.DoesNotContain(recorder.Items, f => f.Kind == FrameKind.Silence);
        Assert.InRange(scheduler.ScheduledCount - scheduledForFrames, 1, 12);
    }

    [Fact]
    public void Disposed_StopsTheTimer()
    {
        var scheduler = new TestScheduler();
        var recorder = new Recorder<PostureFrame>();
        IDisposable subscription = Observable.Never<PspMessage>().UnwrapTicks().MarkSilence(scheduler).Subscribe(recorder);

        subscription.Dispose();
        scheduler.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Empty(recorder.Items);
    }
}
