using System.Collections.Concurrent;
using System.Reactive.Subjects;

namespace PostureStream.Dashboard.Live;

/// <summary>
/// The in-process <see cref="ILiveFeed"/>: the pipeline pushes updates in with <see cref="Publish"/>
/// and registers what calibrate and snooze do; the dashboard reads and calls it.
/// </summary>
public sealed class LiveFeedHub : ILiveFeed, IDisposable
{
    /// <summary>Handles a calibrate request: device id, sitting (false = standing).</summary>
    public delegate Task<CommandResult> CalibrateHandler(string deviceId, bool sitting, CancellationToken cancellationToken);

    /// <summary>Handles a snooze request for a device id.</summary>
    public delegate Task<CommandResult> SnoozeHandler(string deviceId, CancellationToken cancellationToken);

    private readonly ISubject<LiveDeviceUpdate> updates;
    private readonly Subject<LiveDeviceUpdate> inner;
    private readonly ConcurrentDictionary<string, LiveDeviceUpdate> latest = new(StringComparer.OrdinalIgnoreCase);
    private volatile CalibrateHandler? calibrate;
    private volatile SnoozeHandler? snooze;

    public LiveFeedHub()
    {
        inner = new Subject<LiveDeviceUpdate>();
        updates = Subject.Synchronize(inner);
    }

    public IObservable<LiveDeviceUpdate> Updates => updates;

    public IReadOnlyList<LiveDeviceUpdate> Latest =>
        [.. latest.Values.OrderBy(u => u.Device, StringComparer.Ordinal).ThenBy(u => u.DeviceId, StringComparer.Ordinal)];

    /// <summary>Records the device's latest state and sends it to every open live view. Thread-safe.</summary>
    public void Publish(LiveDeviceUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        latest[update.DeviceId] = update;
        updates.OnNext(update);
    }

    /// <summary>Sets what the calibrate button does (replacing any earlier handler).</summary>
    public void OnCalibrate(CalibrateHandler handler) => calibrate = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <summary>Sets what the snooze button does (replacing any earlier handler).</summary>
    public void OnSnooze(SnoozeHandler handler) => snooze = handler ?? throw new ArgumentNullException(nameof(handler));

    public Task<CommandResult> CalibrateAsync(string deviceId, bool sitting, CancellationToken cancellationToken) =>
        calibrate is { } handler
            ? handler(deviceId, sitting, cancellationToken)
            : Task.FromResult(CommandResult.Refused("calibration is not available from this pipeline"));

    public Task<CommandResult> SnoozeAsync(string deviceId, CancellationToken cancellationToken) =>
        snooze is { } handler
            ? handler(deviceId, cancellationToken)
            : Task.FromResult(CommandResult.Refused("snooze is not available from this pipeline"));

    public void Dispose()
    {
        updates.OnCompleted();
        inner.Dispose();
    }
}
