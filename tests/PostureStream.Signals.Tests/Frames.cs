using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PostureStream.Protocol;

namespace PostureStream.Signals.Tests;

/// <summary>Runs messages through operators synchronously and flattens the samples out of the frames.</summary>
internal static class Frames
{
    public static List<PostureFrame> Run(IEnumerable<PspMessage> messages, Func<IObservable<PspMessage>, IObservable<PostureFrame>> stages)
    {
        var frames = new List<PostureFrame>();
        using IDisposable _ = stages(messages.ToObservable(ImmediateScheduler.Instance)).Subscribe(frames.Add);
        return frames;
    }

    public static List<PostureSample> SamplesOf(IEnumerable<PostureFrame> frames) =>
        [.. frames.Where(f => f.Kind == FrameKind.Samples).SelectMany(f => f.Samples.ToArray())];

    /// <summary>The default composition in device-clock mode (no wall clock involved).</summary>
    public static Func<IObservable<PspMessage>, IObservable<PostureFrame>> DeviceClockPipeline(DeviceCalibration calibration) =>
        source => source.ConditionSignals(
            calibration,
            ImmediateScheduler.Instance,
            new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero) } });
}
