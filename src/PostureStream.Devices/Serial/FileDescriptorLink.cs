using System.Runtime.InteropServices;
using System.Threading.Channels;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Serial;

/// <summary>
/// A link over a non-blocking tty file descriptor. One dedicated thread polls the descriptor and hands
/// the bytes it reads to <see cref="ReadAsync"/> through a bounded channel, each chunk stamped with its arrival
/// as the read returns it (<see cref="IArrivalStampedLink"/>): however long a chunk then waits in the channel, its
/// stamp is when it came. The stamp is the clock's monotonic timestamp (cheap on the reader thread), turned into
/// UTC when the chunk is handed out: UTC now, less the time since. A hang-up (POLLHUP, EIO,
/// ENXIO: the cable was pulled or the PTY master closed) ends the channel with <see cref="LinkLostException"/>.
/// A finite source (a named pipe) ends instead: its writer closing is the end of the data. Polling with a
/// short timeout lets dispose stop the thread without signals, and lets a read be cancelled while nothing arrives.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FileDescriptorLink : IArrivalStampedLink
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const int ChunkSize = 4096;

    private readonly FileDescriptorHandle _fd;
    private readonly string _description;
    private readonly bool _exclusive;
    private readonly bool _finite;
    private readonly TimeProvider _time;
    private readonly Channel<Arrived> _chunks = Channel.CreateBounded<Arrived>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource _readerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _writeLock = new();
    private Arrived? _current;
    private DateTimeOffset _currentArrival;
    private int _currentOffset;
    private volatile bool _disposed;

    /// <param name="fd">The open, non-blocking descriptor; the link owns it.</param>
    /// <param name="description">What error messages call it (the port path).</param>
    /// <param name="exclusive">True when TIOCEXCL was taken: it is dropped before closing, so a tty that stays
    /// open elsewhere does not keep refusing everyone else.</param>
    /// <param name="finite">True for a named pipe: a hang-up is the end of the source (<see cref="ReadAsync"/>
    /// returns 0), not a lost link.</param>
    /// <param name="time">The clock that stamps arrivals; default the system's.</param>
    public FileDescriptorLink(FileDescriptorHandle fd, string description, bool exclusive = false, bool finite = false, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _fd = fd;
        _description = description;
        _exclusive = exclusive;
        _finite = finite;
        var reader = new Thread(ReadLoop) { IsBackground = true, Name = $"fd reader {description}" };
        reader.Start();
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        (await ReadStampedAsync(buffer, cancellationToken)).Count;

    public async ValueTask<StampedRead> ReadStampedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            try
            {
                _current = await _chunks.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException e) when (_finite && e.InnerException is null)
            {
                return new StampedRead(0, _time.GetUtcNow());
            }
            catch (ChannelClosedException e)
            {
                throw e.InnerException as LinkLostException ?? new LinkLostException($"{_description}: link closed", e);
            }

            _currentOffset = 0;
            _currentArrival = ToUtc(_current.Value.ReadTimestamp);
        }

        Arrived current = _current.Value;
        int count = Math.Min(buffer.Length, current.Bytes.Length - _currentOffset);
        current.Bytes.AsSpan(_currentOffset, count).CopyTo(buffer.Span);
        _currentOffset += count;
        if (_currentOffset == current.Bytes.Length)
        {
            _current = null;
        }

        return new StampedRead(count, _currentArrival);
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
                    long arrived = _time.GetTimestamp();
                    Publish(new Arrived(buffer.AsSpan(0, (int)read).ToArray(), arrived));
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

    private void Publish(Arrived chunk)
    {
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

    /// <summary>A read's monotonic timestamp as UTC: now, less the time since (the timestamp read first).</summary>
    private DateTimeOffset ToUtc(long readTimestamp)
    {
        long now = _time.GetTimestamp();
        return _time.GetUtcNow() - _time.GetElapsedTime(readTimestamp, now);
    }

    /// <summary>One read's bytes and when they arrived (the clock's monotonic timestamp).</summary>
    private readonly record struct Arrived(byte[] Bytes, long ReadTimestamp);
}
