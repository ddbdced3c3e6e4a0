using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Signals.Tests.Detection;

/// <summary>Keeps everything the engine emits.</summary>
internal sealed class RecordingSink : IDetectionSink
{
    public List<PosturePoint> Points { get; } = [];

    public List<AlertEvent> Alerts { get; } = [];

    public List<BendEvent> Bends { get; } = [];

    public List<MinuteSummary> Summaries { get; } = [];

    public List<DetectionStateChange> Changes { get; } = [];

    public void OnPosture(in PosturePoint point) => Points.Add(point);

    public void OnAlert(in AlertEvent alert) => Alerts.Add(alert);

    public void OnBend(in BendEvent bend) => Bends.Add(bend);

    public void OnSummary(in MinuteSummary summary) => Summaries.Add(summary);

    public void OnStateChanged(in DetectionStateChange change) => Changes.Add(change);
}

/// <summary>Runs samples through one device in frames of 16, as the pipeline does.</summary>
internal static class Detect
{
    public static readonly DeviceIdentity Device = new(0x0123456789abcdef, "lumbar-belt");

    public static RecordingSink Run(PostureInputBuilder builder, DetectionOptions? options = null, bool complete = false) =>
        Run(builder.Build(), options, complete);

    public static RecordingSink Run(PostureInput[] samples, DetectionOptions? options = null, bool complete = false)
    {
        var sink = new RecordingSink();
        var detector = new DeviceDetector(Device, options ?? new DetectionOptions());
        Feed(detector, samples, sink);
        if (complete)
        {
            detector.Complete(sink);
        }

        return sink;
    }

    public static void Feed(DeviceDetector detector, ReadOnlySpan<PostureInput> samples, IDetectionSink sink)
    {
        for (int at = 0; at < samples.Length; at += 16)
        {
            detector.Process(samples.Slice(at, Math.Min(16, samples.Length - at)), sink);
        }
    }

    /// <summary>Options with quiet hours in a fixed zone, so tests do not depend on the machine.</summary>
    public static DetectionOptions Options() => new() { QuietHoursTimeZone = TimeZoneInfo.Utc };
}
