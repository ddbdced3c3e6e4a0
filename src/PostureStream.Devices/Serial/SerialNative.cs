using System.Runtime.InteropServices;

namespace PostureStream.Devices.Serial;

/// <summary>
/// The few libc calls a serial port needs on Linux. Constants and struct layouts are the ones shared by
/// x86_64 and aarch64 (both use the asm-generic ioctl encoding and glibc's 60-byte termios).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static unsafe partial class SerialNative
{
    private const string Libc = "libc";

    public const int O_RDONLY = 0x0;
    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    public const nuint TIOCEXCL = 0x540C;
    public const nuint TIOCNXCL = 0x540D;
    public const nuint TIOCGEXCL = 0x80045440;
    public const nuint TCGETS2 = 0x802C542A;
    public const nuint TCSETS2 = 0x402C542B;

    public const int TCSANOW = 0;
    public const int TCIOFLUSH = 2;

    public const int LOCK_EX = 2;
    public const int LOCK_NB = 4;

    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;

    // c_cflag
    public const uint CSIZE = 0x30;
    public const uint CS8 = 0x30;
    public const uint CSTOPB = 0x40;
    public const uint CREAD = 0x80;
    public const uint PARENB = 0x100;
    public const uint CLOCAL = 0x800;
    public const uint CBAUD = 0x100F;
    public const uint BOTHER = 0x1000;
    public const int IBSHIFT = 16;
    public const uint CRTSCTS = 0x80000000;

    // c_iflag
    public const uint IXON = 0x400;
    public const uint IXANY = 0x800;
    public const uint IXOFF = 0x1000;

    // c_cc indices
    public const int VTIME = 5;
    public const int VMIN = 6;

    [LibraryImport(Libc, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Libc, EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport(Libc, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport(Libc, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, Termios* termios);

    [LibraryImport(Libc, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(Termios* termios);

    [LibraryImport(Libc, EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int CfSetISpeed(Termios* termios, uint speed);

    [LibraryImport(Libc, EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int CfSetOSpeed(Termios* termios, uint speed);

    [LibraryImport(Libc, EntryPoint = "cfgetospeed")]
    public static partial uint CfGetOSpeed(Termios* termios);

    [LibraryImport(Libc, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Libc, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(Libc, EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Access(string path, int mode);

    public const int R_OK = 4;
    public const int W_OK = 2;

    [LibraryImport(Libc, EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint RealPath(string path, nint resolved);

    [LibraryImport(Libc, EntryPoint = "free")]
    public static partial void Free(nint pointer);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>glibc's struct termios: 60 bytes on x86_64 and aarch64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Termios
    {
        public uint IFlag;
        public uint OFlag;
        public uint CFlag;
        public uint LFlag;
        public byte Line;
        public fixed byte ControlChars[32];
        public uint ISpeed;
        public uint OSpeed;
    }

    /// <summary>The kernel's struct termios2 (TCGETS2/TCSETS2): 44 bytes, speeds as plain integers.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Termios2
    {
        public uint IFlag;
        public uint OFlag;
        public uint CFlag;
        public uint LFlag;
        public byte Line;
        public fixed byte ControlChars[19];
        public uint ISpeed;
        public uint OSpeed;
    }

    /// <summary>The canonical path of <paramref name="path"/> (all links resolved), or null when it does not resolve.</summary>
    public static string? ResolvePath(string path)
    {
        nint resolved = RealPath(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>True when <paramref name="path"/> (following links) is a named pipe (mkfifo).</summary>
    public static bool IsNamedPipe(string path)
    {
        const int AtFdCwd = -100;
        const uint StatxType = 0x1;
        const int ModeOffset = 28;
        const int FileTypeMask = 0xF000;
        const int Fifo = 0x1000;
        byte* buffer = stackalloc byte[256];
        return Statx(AtFdCwd, path, 0, StatxType, buffer) == 0 && (*(ushort*)(buffer + ModeOffset) & FileTypeMask) == Fifo;
    }

    /// <summary>The group id owning <paramref name="path"/> (following links), or null when it cannot be read.</summary>
    public static uint? GroupIdOf(string path)
    {
        const int AtFdCwd = -100;
        const uint StatxGid = 0x10;
        const int GidOffset = 24;
        byte* buffer = stackalloc byte[256];
        return Statx(AtFdCwd, path, 0, StatxGid, buffer) == 0 ? *(uint*)(buffer + GidOffset) : null;
    }
}
