namespace PostureStream.Dashboard.Live;

/// <summary>
/// The running pipeline as the live view sees it: a stream of per-device updates, the latest one of
/// each device, and the only two write actions the dashboard offers.
/// </summary>
public interface ILiveFeed
{
    /// <summary>Updates of every device, a few a second each. Subscribers must not block.</summary>
    IObservable<LiveDeviceUpdate> Updates { get; }

    /// <summary>The latest update of each device seen so far.</summary>
    IReadOnlyList<LiveDeviceUpdate> Latest { get; }

    /// <summary>Takes the standing (or sitting) neutral of a device from its next quiet seconds.</summary>
    Task<CommandResult> CalibrateAsync(string deviceId, bool sitting, CancellationToken cancellationToken);

    /// <summary>Snoozes a device's buzzes (Detection README: 30 min by default).</summary>
    Task<CommandResult> SnoozeAsync(string deviceId, CancellationToken cancellationToken);
}
