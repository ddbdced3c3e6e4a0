namespace PostureStream.Devices.Ble;

/// <summary>
/// The shape of a PostureStream link as BLE provides it: a byte stream in, a way to write bytes out.
/// Chunks arrive in order and may cut frames anywhere (PspStreamDecoder reassembles them). When
/// <see cref="Status"/> reports Disconnected, no more bytes of that connection will come, so a partial
/// frame from it must be forgotten (PspStreamDecoder.ResetStream). Meant to be adapted to the common
/// link interface.
/// </summary>
public interface IBleByteLink : IAsyncDisposable
{
    /// <summary>
    /// Bytes from the device, one notification per chunk, never two at once. It may be raised on the
    /// D-Bus reader thread: do not block in it (start a write, do not wait for it there).
    /// </summary>
    IObservable<ReadOnlyMemory<byte>> Received { get; }

    /// <summary>Connecting, Connected, Disconnected (with the reason), Closed.</summary>
    IObservable<BleLinkStatus> Status { get; }

    /// <summary>Successful reconnects since the link was started.</summary>
    int Reconnects { get; }

    /// <summary>Connects the first time; throws <see cref="BleException"/> with advice when it cannot.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Writes bytes (whole PSP frames) to the device; throws <see cref="BleException"/> (NotConnected) while the link is down.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
