using System.Runtime.InteropServices;

namespace PostureStream.Devices.Posix;

/// <summary>
/// The few libc calls <see cref="PseudoTerminal"/> needs (Linux). openpty lives in libc since glibc
/// 2.34 and in libutil before, so it is looked up at run time rather than bound to one library.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static unsafe partial class PtyNative
{
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const short POLLIN = 0x001;
    public const short POLLOUT = 0x004;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;
    public const int TCSANOW = 0;
    public const int F_GETFL = 3;
    public const int F_SETFL = 4;
    public const int O_NONBLOCK = 0x800;
    public const nuint FIONREAD = 0x541B;
    public const nuint TIOCGEXCL = 0x80045440;

    // glibc's struct termios is 60 bytes; leave room so a larger layout cannot overrun.
    public const int TermiosBufferSize = 256;

    private const string Libc = "libc";

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Libc, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Libc, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Libc, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, int* argument);

    [LibraryImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    /// <summary>openpty(3): a master/slave pair and the slave's path; null termios and winsize.</summary>
    public static int OpenPty(out int master, out int slave, byte* name)
    {
        var openpty = (delegate* unmanaged<int*, int*, byte*, void*, void*, int>)ResolveOpenPty();
        int m;
        int s;
        int result = openpty(&m, &s, name, null, null);
        int errno = Marshal.GetLastSystemError();
        master = m;
        slave = s;
        Marshal.SetLastSystemError(errno);
        return result;
    }

    private static nint ResolveOpenPty()
    {
        foreach (string library in new[] { "libc.so.6", "libutil.so.1", "libutil.so" })
        {
            if (NativeLibrary.TryLoad(library, out nint handle) && NativeLibrary.TryGetExport(handle, "openpty", out nint address))
            {
                return address;
            }
        }

        throw new PlatformNotSupportedException("openpty was found in neither libc nor libutil: pseudo-terminals need Linux with glibc");
    }
}
