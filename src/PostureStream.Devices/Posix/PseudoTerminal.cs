using System.Runtime.InteropServices;
using System.Text;

namespace PostureStream.Devices.Posix;

/// <summary>
/// A new pseudo-terminal pair (openpty), in raw mode, for a program that plays a serial device: this
/// side holds the master, a host opens <see cref="SlavePath"/> as if it were /dev/ttyUSB0. The slave
/// is kept open here too, so the master never sees a hang-up (EIO) before the host opens it or
/// between two hosts, and the raw settings stay put. Reads and writes wait with poll, so they time
/// out and cancel cleanly.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed unsafe class PseudoTerminal : IDisposable
{
    private int _master;
    private int _slave;

    private PseudoTerminal(int master, int slave, string slavePath)
    {
        _master = master;
        _slave = slave;
        SlavePath = slavePath;
    }

    /// <summary>The path a host opens, e.g. /dev/pts/5.</summary>
    public string SlavePath { get; }

    /// <summary>Opens a new pair; throws <see cref="IOException"/> when the system has none to give.</summary>
    public static PseudoTerminal Open()
    {
        byte* name = stackalloc byte[4096];
        if (PtyNative.OpenPty(out int master, out int slave, name) != 0)
        {
            throw new IOException($"openpty failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var pty = new PseudoTerminal(master, slave, Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name)));
        try
        {
            MakeRaw(slave);
            MakeRaw(master);
            int flags = PtyNative.Fcntl(master, PtyNative.F_GETFL, 0);
            if (flags < 0 || PtyNative.Fcntl(master, PtyNative.F_SETFL, flags | PtyNative.O_NONBLOCK) < 0)
            {
                throw new IOException($"cannot make the pty master non-blocking: {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
        catch
        {
            pty.Dispose();
            throw;
        }

        return pty;
    }

    /// <summary>
    /// Reads what the host wrote, waiting up to <paramref name="timeout"/>. Returns 0 when nothing came
    /// in time; throws <see cref="IOException"/> when the terminal is gone.
    /// </summary>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        int master = Master();
        if (!Wait(master, PtyNative.POLLIN, timeout))
        {
            return 0;
        }

        fixed (byte* p = buffer)
        {
            nint n = PtyNative.Read(master, p, (nuint)buffer.Length);
            if (n >= 0)
            {
                return (int)n;
            }

            int errno = Marshal.GetLastPInvokeError();
            return errno is PtyNative.EAGAIN or PtyNative.EINTR ? 0 : throw new IOException($"pty read failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    /// <summary>Writes all of <paramref name="data"/>, waiting while the host has not read enough to make room.</summary>
    public void Write(ReadOnlySpan<byte> data, CancellationToken cancellationToken)
    {
        int master = Master();
        while (!data.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Wait(master, PtyNative.POLLOUT, TimeSpan.FromMilliseconds(200)))
            {
                continue;
            }

            fixed (byte* p = data)
            {
                nint n = PtyNative.Write(master, p, (nuint)data.Length);
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno is PtyNative.EAGAIN or PtyNative.EINTR)
                    {
                        continue;
                    }

                    throw new IOException($"pty write failed: {Marshal.GetPInvokeErrorMessage(errno)}");
                }

                data = data[(int)n..];
            }
        }
    }

    /// <summary>How many bytes written here the host has not read yet (FIONREAD on the slave); 0 once it has read them all.</summary>
    public int Unread => SlaveQuery(PtyNative.FIONREAD);

    /// <summary>
    /// Whether a host holds the slave exclusively (TIOCGEXCL), as a serial program that must be the port's only
    /// reader takes it (run does); false on kernels without TIOCGEXCL (before Linux 3.8).
    /// </summary>
    public bool HeldExclusively => SlaveQuery(PtyNative.TIOCGEXCL) != 0;

    public void Dispose()
    {
        int master = Interlocked.Exchange(ref _master, -1);
        int slave = Interlocked.Exchange(ref _slave, -1);
        if (master >= 0)
        {
            _ = PtyNative.Close(master);
        }

        if (slave >= 0)
        {
            _ = PtyNative.Close(slave);
        }
    }

    private static void MakeRaw(int fd)
    {
        byte* termios = stackalloc byte[PtyNative.TermiosBufferSize];
        new Span<byte>(termios, PtyNative.TermiosBufferSize).Clear();
        if (PtyNative.TcGetAttr(fd, termios) != 0)
        {
            throw new IOException($"tcgetattr on the pty failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        PtyNative.CfMakeRaw(termios);
        if (PtyNative.TcSetAttr(fd, PtyNative.TCSANOW, termios) != 0)
        {
            throw new IOException($"tcsetattr on the pty failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    private static bool Wait(int fd, short events, TimeSpan timeout)
    {
        var poll = new PtyNative.PollFd { Fd = fd, Events = events };
        int result = PtyNative.Poll(&poll, 1, (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));
        if (result < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == PtyNative.EINTR ? false : throw new IOException($"poll on the pty failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        if (result > 0 && (poll.Revents & PtyNative.POLLNVAL) != 0)
        {
            throw new ObjectDisposedException(nameof(PseudoTerminal));
        }

        return result > 0 && (poll.Revents & events) != 0;
    }

    private int SlaveQuery(nuint request)
    {
        int slave = Volatile.Read(ref _slave);
        ObjectDisposedException.ThrowIf(slave < 0, this);
        int value = 0;
        return PtyNative.Ioctl(slave, request, &value) == 0 ? value : 0;
    }

    private int Master()
    {
        int master = Volatile.Read(ref _master);
        ObjectDisposedException.ThrowIf(master < 0, this);
        return master;
    }
}
