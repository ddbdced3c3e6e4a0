namespace PostureStream.Devices.Ble;

/// <summary>
/// The shape of a PostureStream link as BLE provides it: a byte stream in, a way to write bytes out.
/// Chunks arrive in order and may cut frames anywhere (PspStreamDecoder reassembles them). When
/// <see cref="Status"/> reports Disconnected, the link is over: no more bytes will come, and a partial
/// frame from it must be forgotten. <see cref="BleLinkConnector"/> adapts it to the common link
/// interface, so the device session reconnects it like any other live link.
/// </summary>
public interface IBleByteLink : IAsyncDisposable
{
    /// <summary>
    /// Bytes from the device, one notification per chunk, never two at once. It may be raised on the
    /// D-Bus reader thread: do not block in it (start a write, do not wait for it there).
    /// </summary>
    IObservable<ReadOnlyMemory<byte>> Received { get; }

    /// <summary>Connecting, Connected, Disconnected (with the reason; at most once), Closed.</summary>
    IObservable<BleLinkStatus> Status { get; }

    /// <summary>Connects the first time; throws <see cref="BleException"/> with advice when it cannot.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Writes bytes (whole PSP frames) to the device; throws <see cref="BleException"/> (NotConnected) once the link is down.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
