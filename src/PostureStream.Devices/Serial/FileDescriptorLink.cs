using System.Runtime.InteropServices;
using System.Threading.Channels;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Serial;

/// <summary>
/// A link over a non-blocking tty file descriptor. One dedicated thread polls the descriptor and hands
/// the bytes it reads to <see cref="ReadAsync"/> through a bounded channel; a hang-up (POLLHUP, EIO,
/// ENXIO: the cable was pulled or the PTY master closed) ends the channel with <see cref="LinkLostException"/>.
/// A finite source (a named pipe) ends instead: its writer closing is the end of the data. Polling with a
/// short timeout lets dispose stop the thread without signals, and lets a read be cancelled while nothing arrives.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FileDescriptorLink : IDeviceLink
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const int ChunkSize = 4096;

    private readonly FileDescriptorHandle _fd;
    private readonly string _description;
    private readonly bool _exclusive;
    private readonly bool _finite;
    private readonly Channel<byte[]> _chunks = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource _readerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _writeLock = new();
    private byte[]? _current;
    private int _currentOffset;
    private volatile bool _disposed;

    /// <param name="fd">The open, non-blocking descriptor; the link owns it.</param>
    /// <param name="description">What error messages call it (the port path).</param>
    /// <param name="exclusive">True when TIOCEXCL was taken: it is dropped before closing, so a tty that stays
    /// open elsewhere does not keep refusing everyone else.</param>
    /// <param name="finite">True for a named pipe: a hang-up is the end of the source (<see cref="ReadAsync"/>
    /// returns 0), not a lost link.</param>
    public FileDescriptorLink(FileDescriptorHandle fd, string description, bool exclusive = false, bool finite = false)
    {
        _fd = fd;
        _description = description;
        _exclusive = exclusive;
        _finite = finite;
        var reader = new Thread(ReadLoop) { IsBackground = true, Name = $"fd reader {description}" };
        reader.Start();
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            try
            {
                _current = await _chunks.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException e) when (_finite && e.InnerException is null)
            {
                return 0;
            }
            catch (ChannelClosedException e)
            {
                throw e.InnerException as LinkLostException ?? new LinkLostException($"{_description}: link closed", e);
            }

            _currentOffset = 0;
        }

        int count = Math.Min(buffer.Length, _current.Length - _currentOffset);
        _current.AsSpan(_currentOffset, count).CopyTo(buffer.Span);
        _currentOffset += count;
        if (_currentOffset == _current.Length)
        {
            _current = null;
        }

        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            WriteAll(bytes.Span, cancellationToken);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _readerStopped.Task;
        if (_exclusive && !_fd.IsClosed)
        {
            ReleaseExclusive();
        }

        _fd.Dispose();
    }

    private unsafe void ReleaseExclusive() => SerialNative.Ioctl((int)_fd.DangerousGetHandle(), SerialNative.TIOCNXCL, null);

    private unsafe void WriteAll(ReadOnlySpan<byte> bytes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool added = false;
        try
        {
            _fd.DangerousAddRef(ref added);
            int fd = (int)_fd.DangerousGetHandle();
            while (!bytes.IsEmpty)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nint written;
                fixed (byte* p = bytes)
                {
                    written = SerialNative.Write(fd, p, bytes.Length);
                }

                if (written >= 0)
                {
                    bytes = bytes[(int)written..];
                    continue;
                }

                int errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.EAGAIN)
                {
                    // The output queue is full: wait until the driver drains it.
                    Poll(fd, SerialNative.POLLOUT);
                }
                else if (errno != Errno.EINTR)
                {
                    throw new LinkLostException($"{_description}: write failed: {Errno.Describe(errno)}");
                }
            }
        }
        finally
        {
            if (added)
            {
                _fd.DangerousRelease();
            }
        }
    }

    private unsafe void ReadLoop()
    {
        bool added = false;
        try
        {
            _fd.DangerousAddRef(ref added);
            int fd = (int)_fd.DangerousGetHandle();
            var buffer = new byte[ChunkSize];
            while (!_disposed)
            {
                short revents = Poll(fd, SerialNative.POLLIN);
                if (revents == 0)
                {
                    continue;
                }

                if ((revents & SerialNative.POLLIN) == 0)
                {
                    // Hang-up or error with nothing left to read.
                    EndOfInput();
                    return;
                }

                nint read;
                fixed (byte* p = buffer)
                {
                    read = SerialNative.Read(fd, p, buffer.Length);
                }

                if (read > 0)
                {
                    Publish(buffer.AsSpan(0, (int)read));
                }
                else if (read == 0)
                {
                    EndOfInput();
                    return;
                }
                else
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno is not (Errno.EAGAIN or Errno.EINTR))
                    {
                        throw new LinkLostException($"{_description}: read failed: {Errno.Describe(errno)}");
                    }
                }
            }

            _chunks.Writer.TryComplete(new LinkLostException($"{_description}: link closed"));
        }
        catch (LinkLostException e)
        {
            _chunks.Writer.TryComplete(e);
        }
        catch (ObjectDisposedException e)
        {
            _chunks.Writer.TryComplete(new LinkLostException($"{_description}: link closed", e));
        }
        finally
        {
            if (added)
            {
                _fd.DangerousRelease();
            }

            _readerStopped.TrySetResult();
        }
    }

    /// <summary>The other end hung up: the end of a finite source, a lost link otherwise.</summary>
    private void EndOfInput()
    {
        if (!_finite)
        {
            throw new LinkLostException($"{_description}: device hung up (unplugged?)");
        }

        _chunks.Writer.TryComplete();
    }

    private void Publish(ReadOnlySpan<byte> bytes)
    {
        byte[] chunk = bytes.ToArray();
        while (!_chunks.Writer.TryWrite(chunk))
        {
            // The consumer is behind: wait for room rather than drop bytes (or stop when disposed).
            if (_disposed)
            {
                return;
            }

            _chunks.Writer.WaitToWriteAsync().AsTask().Wait(PollInterval);
        }
    }

    /// <summary>Waits up to one poll interval; returns the events seen (0 on timeout or EINTR).</summary>
    private static unsafe short Poll(int fd, short events)
    {
        var pollFd = new SerialNative.PollFd { Fd = fd, Events = events };
        int ready = SerialNative.Poll(&pollFd, 1, (int)PollInterval.TotalMilliseconds);
        if (ready > 0)
        {
            return pollFd.Revents;
        }

        if (ready < 0 && Marshal.GetLastPInvokeError() is int errno && errno != Errno.EINTR)
        {
            throw new LinkLostException($"poll failed: {Errno.Describe(errno)}");
        }

        return 0;
    }
}
