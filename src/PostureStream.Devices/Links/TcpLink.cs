using System.Net.Sockets;

namespace PostureStream.Devices.Links;

/// <summary>A PSP byte stream over a TCP connection; a close or reset by the peer is a lost link.</summary>
internal sealed class TcpLink : IDeviceLink
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly string _description;

    public TcpLink(TcpClient client, string description)
    {
        _client = client;
        _stream = client.GetStream();
        _description = description;
    }

    /// <summary>The connected socket, for tests that check its options.</summary>
    internal Socket Socket => _client.Client;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read;
        try
        {
            read = await _stream.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new LinkLostException($"{_description}: connection lost: {e.Message}", e);
        }

        return read > 0 ? read : throw new LinkLostException($"{_description}: connection closed by the device");
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new LinkLostException($"{_description}: connection lost: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
