using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PostureStream.Devices.DBus;

/// <summary>
/// Blocking send and receive on a connected unix socket that also carry descriptors (SCM_RIGHTS).
/// The socket stays in blocking mode: one thread reads while others write.
/// </summary>
internal sealed unsafe class UnixFdSocket(Socket socket)
{
    private readonly int _fd = (int)socket.Handle;

    /// <summary>Waits when the runtime has put the descriptor in non-blocking mode; true to retry.</summary>
    private bool ShouldRetry(int errno, SelectMode mode)
    {
        if (errno == UnixNative.EIntr)
        {
            return true;
        }

        if (errno == UnixNative.EAgain)
        {
            socket.Poll(-1, mode);
            return true;
        }

        return false;
    }

    /// <summary>Sends all of <paramref name="bytes"/>; <paramref name="fds"/> travel with the first byte.</summary>
    public void Send(ReadOnlySpan<byte> bytes, IReadOnlyList<int> fds)
    {
        int controlLength = fds.Count == 0 ? 0 : UnixNative.CmsgSpace(fds.Count * sizeof(int));
        byte* control = stackalloc byte[Math.Max(controlLength, 1)];
        new Span<byte>(control, Math.Max(controlLength, 1)).Clear();
        if (fds.Count > 0)
        {
            var header = (UnixNative.CmsgHdr*)control;
            header->Length = (nuint)(UnixNative.CmsgDataOffset + (fds.Count * sizeof(int)));
            header->Level = UnixNative.SolSocket;
            header->Type = UnixNative.ScmRights;
            var data = (int*)(control + UnixNative.CmsgDataOffset);
            for (int i = 0; i < fds.Count; i++)
            {
                data[i] = fds[i];
            }
        }

        fixed (byte* start = bytes)
        {
            int sent = 0;
            while (sent < bytes.Length)
            {
                var iov = new UnixNative.IoVec { Base = start + sent, Length = (nuint)(bytes.Length - sent) };
                var message = new UnixNative.MsgHdr { Iov = &iov, IovLength = 1 };
                if (sent == 0 && controlLength > 0)
                {
                    message.Control = control;
                    message.ControlLength = (nuint)controlLength;
                }

                nint result = UnixNative.SendMsg(_fd, &message, UnixNative.MsgNoSignal);
                if (result < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (ShouldRetry(errno, SelectMode.SelectWrite))
                    {
                        continue;
                    }

                    throw new IOException($"sendmsg failed: errno {errno}");
                }

                sent += (int)result;
            }
        }
    }

    /// <summary>
    /// Receives into <paramref name="buffer"/>, adding any descriptors that came with the bytes to
    /// <paramref name="fds"/>. Returns 0 at end of stream.
    /// </summary>
    public int Receive(Span<byte> buffer, List<int> fds)
    {
        int controlLength = UnixNative.CmsgSpace(UnixNative.MaxFdsPerRead * sizeof(int));
        byte* control = stackalloc byte[controlLength];
        fixed (byte* start = buffer)
        {
            while (true)
            {
                var iov = new UnixNative.IoVec { Base = start, Length = (nuint)buffer.Length };
                var message = new UnixNative.MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = (nuint)controlLength };
                nint result = UnixNative.RecvMsg(_fd, &message, UnixNative.MsgCmsgCloexec);
                if (result < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (ShouldRetry(errno, SelectMode.SelectRead))
                    {
                        continue;
                    }

                    throw new IOException($"recvmsg failed: errno {errno}");
                }

                CollectFds(&message, fds);
                return (int)result;
            }
        }
    }

    private static void CollectFds(UnixNative.MsgHdr* message, List<int> fds)
    {
        byte* at = (byte*)message->Control;
        byte* end = at + message->ControlLength;
        while (at + sizeof(UnixNative.CmsgHdr) <= end)
        {
            var header = (UnixNative.CmsgHdr*)at;
            if (header->Length < (nuint)sizeof(UnixNative.CmsgHdr))
            {
                break;
            }

            if (header->Level == UnixNative.SolSocket && header->Type == UnixNative.ScmRights)
            {
                int count = ((int)header->Length - UnixNative.CmsgDataOffset) / sizeof(int);
                var data = (int*)(at + UnixNative.CmsgDataOffset);
                for (int i = 0; i < count; i++)
                {
                    fds.Add(data[i]);
                }
            }

            at += UnixNative.CmsgAlign((int)header->Length);
        }
    }
}
