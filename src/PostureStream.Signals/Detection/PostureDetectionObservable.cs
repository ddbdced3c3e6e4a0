using System.Reactive.Linq;

namespace PostureStream.Signals.Detection;

/// <summary>The detection stage as an Rx operator (Signals README, data flow).</summary>
public static class PostureDetectionObservable
{
    /// <summary>
    /// Runs detection over batches of conditioned samples (any number of devices) and emits what it
    /// finds, in order, on the thread that delivers the batches. When the source completes, every device
    /// is completed (open raised episodes cleared at their last sample, bends and partial minutes
    /// flushed) before <c>OnCompleted</c>. Reads no clock: all timing is in the samples.
    /// </summary>
    /// <param name="source">Batches in device-time order per device.</param>
    /// <param name="options">Detection rules; validated at subscription.</param>
    /// <param name="onEngine">Optional: receives each subscription's engine (e.g. for the dashboard's <see cref="DetectionEngine.RequestSnooze"/>).</param>
    public static IObservable<DetectionOutput> DetectPosture(
        this IObservable<PostureBatch> source,
        DetectionOptions options,
        Action<DetectionEngine>? onEngine = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Observable.Create<DetectionOutput>(observer =>
        {
            var engine = new DetectionEngine(options, new ObserverSink(observer));
            onEngine?.Invoke(engine);
            return source.Subscribe(
                batch => engine.Process(in batch),
                observer.OnError,
                () =>
                {
                    engine.CompleteAll();
                    observer.OnCompleted();
                });
        });
    }

    private sealed class ObserverSink(IObserver<DetectionOutput> observer) : IDetectionSink
    {
        public void OnPosture(in PosturePoint point) => observer.OnNext(new PostureOutput(point));

        public void OnAlert(in AlertEvent alert) => observer.OnNext(new AlertOutput(alert));

        public void OnBend(in BendEvent bend) => observer.OnNext(new BendOutput(bend));

        public void OnSummary(in MinuteSummary summary) => observer.OnNext(new SummaryOutput(summary));

        public void OnStateChanged(in DetectionStateChange change) => observer.OnNext(new StateChangeOutput(change));
    }
}
