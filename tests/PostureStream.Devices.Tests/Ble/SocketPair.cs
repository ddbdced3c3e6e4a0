using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>
/// A connected pair of SOCK_SEQPACKET unix sockets, as BlueZ hands out for AcquireNotify and AcquireWrite:
/// one end stays with the stand-in, the other is passed over the bus. .NET has no socketpair, hence libc.
/// </summary>
internal static partial class SocketPair
{
    private const int AfUnix = 1;
    private const int SockSeqPacket = 5;
    private const int SockCloexec = 0x80000;

    public static (Socket Ours, SafeSocketHandle Theirs) CreateSeqPacket()
    {
        Span<int> fds = stackalloc int[2];
        if (Native(AfUnix, SockSeqPacket | SockCloexec, 0, fds) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "socketpair failed");
        }

        return (new Socket(new SafeSocketHandle(fds[0], ownsHandle: true)), new SafeSocketHandle(fds[1], ownsHandle: true));
    }

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    private static partial int Native(int domain, int type, int protocol, Span<int> fds);
}
