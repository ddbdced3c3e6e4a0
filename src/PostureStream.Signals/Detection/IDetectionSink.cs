namespace PostureStream.Signals.Detection;

/// <summary>
/// Receives what the detection engine finds, synchronously, on the thread that feeds it.
/// Values come by reference and are not kept by the engine: copy what you keep.
/// Posture points come at most 10/s per device; the rest are rare.
/// </summary>
public interface IDetectionSink
{
    /// <summary>A decimated <c>posture</c> point (decimation: Detection README).</summary>
    void OnPosture(in PosturePoint point);

    /// <summary>An alert event (raised, reminder, cleared), already judged for buzzing.</summary>
    void OnAlert(in AlertEvent alert);

    /// <summary>A finished forward bend.</summary>
    void OnBend(in BendEvent bend);

    /// <summary>A finished minute (or the partial last one at <see cref="DeviceDetector.Complete"/>).</summary>
    void OnSummary(in MinuteSummary summary);

    /// <summary>The activity or the state changed.</summary>
    void OnStateChanged(in DetectionStateChange change);
}
