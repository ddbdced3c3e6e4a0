using System.Runtime.CompilerServices;
using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// A live WitMotion sensor: opens its connector, stamps each read with the <see cref="TimeProvider"/>'s UTC time
/// at its arrival — where the link took it from the device when the link can say so (<see cref="IArrivalStampedLink"/>,
/// as serial links do), else as the read returns — and when the link breaks reports it and reopens it on its own (250 ms, 500 ms, … up to 10 s, as the PSP session
/// does), so each sensor of a wearer reconnects independently. After every connect it sends
/// <see cref="SetupCommands"/> (e.g. unlock, rate, save when <c>rate=</c> was asked for).
/// </summary>
public sealed class WitMotionLinkSource : IWitMotionByteSource
{
    private readonly ILinkConnector _connector;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private IDeviceLink? _link;

    public WitMotionLinkSource(ILinkConnector connector, WitMotionFraming framing, TimeProvider? time = null, TimeSpan? reconnectInitialDelay = null, TimeSpan? reconnectMaxDelay = null)
    {
        _connector = connector;
        Framing = framing;
        _time = time ?? TimeProvider.System;
        _backoff = new ReconnectBackoff(reconnectInitialDelay ?? TimeSpan.FromMilliseconds(250), reconnectMaxDelay ?? TimeSpan.FromSeconds(10));
    }

    public WitMotionFraming Framing { get; }

    public Transport Transport => _connector.Transport;

    public string Description => _connector.Description;

    /// <summary>Register commands sent after every connect, in order. Default none.</summary>
    public IReadOnlyList<WitMotionCommand> SetupCommands { get; init; } = [];

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        _link = await _connector.ConnectAsync(cancellationToken);
        await SetUpAsync(_link, cancellationToken);
    }

    public async IAsyncEnumerable<WitMotionChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[4096];
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_link is null)
            {
                await Task.Delay(_backoff.Next(), _time, cancellationToken);
                if (await TryReconnectAsync(cancellationToken) is not { } link)
                {
                    continue;
                }

                _link = link;
                yield return new WitMotionChunk(WitMotionChunk.Now(_time), WitMotionChunkKind.LinkRestored, default);
            }

            (int read, long arrival, string? lost) = await ReadOnceAsync(_link, buffer, cancellationToken);
            if (lost is null && read > 0)
            {
                _backoff.Reset();
                yield return new WitMotionChunk(arrival, WitMotionChunkKind.Data, buffer.AsSpan(0, read).ToArray());
                continue;
            }

            if (lost is null && !_connector.Reconnects)
            {
                yield break;
            }

            IDeviceLink broken = _link;
            _link = null;
            await broken.DisposeAsync();
            yield return new WitMotionChunk(WitMotionChunk.Now(_time), WitMotionChunkKind.LinkLost, default);
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        _link is { } link ? link.WriteAsync(bytes, cancellationToken) : throw new LinkLostException($"{Description} is reconnecting");

    public async ValueTask DisposeAsync()
    {
        if (_link is { } link)
        {
            _link = null;
            await link.DisposeAsync();
        }
    }

    private async Task<(int Read, long ArrivalMicroseconds, string? Lost)> ReadOnceAsync(IDeviceLink link, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            if (link is IArrivalStampedLink stamped)
            {
                // Stamped where the link took the bytes: not later by the time they waited in its queue for us.
                StampedRead read = await stamped.ReadStampedAsync(buffer, cancellationToken);
                return (read.Count, WitMotionChunk.Microseconds(read.Arrival), null);
            }

            int count = await link.ReadAsync(buffer, cancellationToken);
            return (count, WitMotionChunk.Now(_time), null);
        }
        catch (LinkLostException e)
        {
            return (0, 0, e.Message);
        }
    }

    private async Task<IDeviceLink?> TryReconnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            IDeviceLink link = await _connector.ConnectAsync(cancellationToken);
            await SetUpAsync(link, cancellationToken);
            return link;
        }
        catch (IOException)
        {
            // Still unplugged (SourceOpenException, LinkLostException): wait and try again.
            return null;
        }
    }

    private async Task SetUpAsync(IDeviceLink link, CancellationToken cancellationToken)
    {
        foreach (WitMotionCommand command in SetupCommands)
        {
            await link.WriteAsync(command.Encode(), cancellationToken);
        }
    }
}
