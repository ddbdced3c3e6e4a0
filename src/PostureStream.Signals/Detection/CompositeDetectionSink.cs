namespace PostureStream.Signals.Detection;

/// <summary>Hands every output to several sinks in order (alerts file, stores, buzz, terminal).</summary>
public sealed class CompositeDetectionSink : IDetectionSink
{
    private readonly IDetectionSink[] _sinks;

    public CompositeDetectionSink(params IDetectionSink[] sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        _sinks = [.. sinks];
    }

    public void OnPosture(in PosturePoint point)
    {
        foreach (IDetectionSink sink in _sinks)
        {
            sink.OnPosture(in point);
        }
    }

    public void OnAlert(in AlertEvent alert)
    {
        foreach (IDetectionSink sink in _sinks)
        {
            sink.OnAlert(in alert);
        }
    }

    public void OnBend(in BendEvent bend)
    {
        foreach (IDetectionSink sink in _sinks)
        {
            sink.OnBend(in bend);
        }
    }

    public void OnSummary(in MinuteSummary summary)
    {
        foreach (IDetectionSink sink in _sinks)
        {
            sink.OnSummary(in summary);
        }
    }

    public void OnStateChanged(in DetectionStateChange change)
    {
        foreach (IDetectionSink sink in _sinks)
        {
            sink.OnStateChanged(in change);
        }
    }
}
