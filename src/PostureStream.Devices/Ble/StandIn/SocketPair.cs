using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>
/// A connected pair of SOCK_SEQPACKET unix sockets, as BlueZ hands out for AcquireNotify and AcquireWrite:
/// one end stays with the stand-in, the other is passed over the bus. .NET has no socketpair, hence libc.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static partial class SocketPair
{
    private const int AfUnix = 1;
    private const int SockSeqPacket = 5;
    private const int SockCloexec = 0x80000;
    private const nuint SiocOutq = 0x5411; // TIOCOUTQ, linux/sockios.h

    public static (Socket Ours, SafeSocketHandle Theirs) CreateSeqPacket()
    {
        Span<int> fds = stackalloc int[2];
        if (Native(AfUnix, SockSeqPacket | SockCloexec, 0, fds) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "socketpair failed");
        }

        return (new Socket(new SafeSocketHandle(fds[0], ownsHandle: true)), new SafeSocketHandle(fds[1], ownsHandle: true));
    }

    /// <summary>
    /// Bytes sent on <paramref name="socket"/> that its peer has not read yet (SIOCOUTQ): for a unix socket a
    /// datagram stays charged to the sender until the receiver takes it, so 0 means the peer has read everything.
    /// </summary>
    public static int Unread(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        bool added = false;
        try
        {
            socket.SafeHandle.DangerousAddRef(ref added);
            return Ioctl((int)socket.SafeHandle.DangerousGetHandle(), SiocOutq, out int queued) == 0
                ? queued
                : throw new Win32Exception(Marshal.GetLastPInvokeError(), "ioctl SIOCOUTQ failed");
        }
        finally
        {
            if (added)
            {
                socket.SafeHandle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, out int value);

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    private static partial int Native(int domain, int type, int protocol, Span<int> fds);
}
