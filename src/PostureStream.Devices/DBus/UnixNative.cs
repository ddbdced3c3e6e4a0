using System.Runtime.InteropServices;

namespace PostureStream.Devices.DBus;

/// <summary>
/// The libc calls .NET sockets do not expose: sendmsg/recvmsg with SCM_RIGHTS control messages (to pass
/// descriptors), socketpair, close, getuid. Layouts are those of 64-bit Linux (x86-64 and arm64).
/// </summary>
internal static unsafe partial class UnixNative
{
    public const int SolSocket = 1;
    public const int ScmRights = 1;
    public const int AfUnix = 1;
    public const int SockStream = 1;
    public const int SockSeqPacket = 5;
    public const int SockCloexec = 0x80000;
    public const int MsgCmsgCloexec = 0x40000000;
    public const int MsgNoSignal = 0x4000;
    public const int EIntr = 4;
    public const int EAgain = 11;

    /// <summary>Descriptors one recvmsg can carry (D-Bus allows 16 per message by default).</summary>
    public const int MaxFdsPerRead = 32;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CmsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }

    public static int CmsgAlign(int length) => (length + sizeof(nuint) - 1) & ~(sizeof(nuint) - 1);

    public static int CmsgDataOffset => CmsgAlign(sizeof(CmsgHdr));

    public static int CmsgSpace(int dataLength) => CmsgDataOffset + CmsgAlign(dataLength);

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    public static partial nint SendMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint RecvMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    public static partial int SocketPair(int domain, int type, int protocol, int* fds);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "getuid")]
    public static partial uint GetUid();

    /// <summary>A connected pair of unix sockets of <paramref name="type"/> (close-on-exec).</summary>
    public static (int First, int Second) CreateSocketPair(int type)
    {
        int* fds = stackalloc int[2];
        if (SocketPair(AfUnix, type | SockCloexec, 0, fds) != 0)
        {
            throw new IOException($"socketpair failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (fds[0], fds[1]);
    }
}
