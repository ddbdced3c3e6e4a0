namespace PostureStream.Devices.DBus;

/// <summary>
/// Cuts the bytes (and descriptors) arriving on a bus socket into messages. Descriptors arrive with
/// the first byte of their message, so each message takes as many from the front of the queue as its
/// UNIX_FDS header field says.
/// </summary>
internal sealed class DBusMessageStream(UnixFdSocket socket)
{
    private readonly List<int> _fds = [];
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next message, blocking until it is whole; null at end of stream.</summary>
    public DBusMessage? ReadNext()
    {
        while (true)
        {
            int length = DBusMessageCodec.MessageLength(_buffer.AsSpan(_start, _end - _start));
            if (length > 0 && length <= _end - _start)
            {
                var bytes = new ReadOnlyMemory<byte>(_buffer.AsSpan(_start, length).ToArray());
                _start += length;
                return DBusMessageCodec.Decode(bytes, TakeFds(DBusMessageCodec.UnixFdCount(bytes)));
            }

            MakeRoom(Math.Max(length, 16));
            int read = socket.Receive(_buffer.AsSpan(_end), _fds);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    /// <summary>Descriptors received but never handed out (the stream ended mid-message).</summary>
    public IReadOnlyList<int> Leftover => _fds;

    private int[] TakeFds(int count)
    {
        if (count > _fds.Count)
        {
            throw new DBusProtocolException($"message declares {count} descriptors but {_fds.Count} arrived");
        }

        int[] taken = _fds.GetRange(0, count).ToArray();
        _fds.RemoveRange(0, count);
        return taken;
    }

    /// <summary>Moves the unread bytes to the front and grows the buffer to hold a message of <paramref name="needed"/> bytes.</summary>
    private void MakeRoom(int needed)
    {
        int unread = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        _start = 0;
        _end = unread;
        if (needed > _buffer.Length || _end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
