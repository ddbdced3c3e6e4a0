using System.Reactive.Linq;
using System.Reactive.Subjects;
using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

public sealed class DetectPostureObservableTests
{
    [Fact]
    public void SourceError_IsPassedOn_WithoutCompletingDevices()
    {
        var source = new Subject<PostureBatch>();
        var outputs = new List<DetectionOutput>();
        Exception? error = null;
        using var subscription = source.DetectPosture(Detect.Options()).Subscribe(outputs.Add, e => error = e);
        source.OnNext(new PostureBatch(Detect.Device, new PostureInputBuilder().Hold(Pose.Standing(-12), 61).Build()));
        source.OnError(new InvalidOperationException("link lost"));
        Assert.IsType<InvalidOperationException>(error);
        Assert.Single(outputs.OfType<AlertOutput>());
    }

    [Fact]
    public void Engine_IsHandedOut_ForTheDashboardSnooze()
    {
        var source = new Subject<PostureBatch>();
        DetectionEngine? engine = null;
        var alerts = new List<AlertEvent>();
        using var subscription = source.DetectPosture(Detect.Options(), e => engine = e).OfType<AlertOutput>().Subscribe(a => alerts.Add(a.Alert));
        var b = new PostureInputBuilder().Hold(Pose.Standing(), 1);
        source.OnNext(new PostureBatch(Detect.Device, b.Build()));
        Assert.True(engine!.RequestSnooze(Detect.Device.Id));
        int from = b.Count;
        b.Hold(Pose.Standing(-12), 61);
        source.OnNext(new PostureBatch(Detect.Device, b.Build()[from..]));
        Assert.False(Assert.Single(alerts).Buzzed);
    }

    [Fact]
    public void InvalidOptions_ThrowAtTheCall()
    {
        var options = new DetectionOptions { Standing = new EpisodeThresholds(FlatteningStart: -5, FlatteningEnd: -7) };
        var error = Assert.Throws<ArgumentException>(() => Observable.Empty<PostureBatch>().DetectPosture(options));
        Assert.Contains("standing flattening thresholds start=-5 end=-7", error.Message, StringComparison.Ordinal);
    }
}
