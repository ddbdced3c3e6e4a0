namespace PostureStream.Signals.Detection;

/// <summary>An <see cref="IDetectionSink"/> that writes every alert to an alerts JSONL writer and ignores the rest.</summary>
public sealed class AlertJsonLinesSink(AlertJsonLinesWriter writer) : IDetectionSink
{
    public void OnAlert(in AlertEvent alert) => writer.Write(in alert);

    public void OnPosture(in PosturePoint point)
    {
    }

    public void OnBend(in BendEvent bend)
    {
    }

    public void OnSummary(in MinuteSummary summary)
    {
    }

    public void OnStateChanged(in DetectionStateChange change)
    {
    }
}
