using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PostureStream.Devices.DBus;

/// <summary>
/// The client side of D-Bus authentication: a NUL byte, <c>AUTH EXTERNAL hex(uid)</c>, then
/// <c>NEGOTIATE_UNIX_FD</c> and <c>BEGIN</c>. Lines are read one byte at a time so that nothing after
/// the handshake is consumed.
/// </summary>
internal static class SaslExternalAuthenticator
{
    /// <summary>Authenticates on a connected blocking socket; returns whether fd passing was agreed.</summary>
    public static bool Authenticate(Socket socket, uint uid)
    {
        socket.Send([0]);
        string uidHex = Convert.ToHexString(Encoding.ASCII.GetBytes(uid.ToString(CultureInfo.InvariantCulture))).ToLowerInvariant();
        SendLine(socket, "AUTH EXTERNAL " + uidHex);
        string reply = ReadLine(socket);
        if (!reply.StartsWith("OK ", StringComparison.Ordinal))
        {
            throw new DBusConnectionClosedException($"the bus refused EXTERNAL authentication for uid {uid}: {reply}");
        }

        SendLine(socket, "NEGOTIATE_UNIX_FD");
        bool unixFds = ReadLine(socket) == "AGREE_UNIX_FD";
        SendLine(socket, "BEGIN");
        return unixFds;
    }

    private static void SendLine(Socket socket, string line) => socket.Send(Encoding.ASCII.GetBytes(line + "\r\n"));

    private static string ReadLine(Socket socket)
    {
        var line = new StringBuilder();
        Span<byte> one = stackalloc byte[1];
        while (line.Length < 16 * 1024)
        {
            if (socket.Receive(one) == 0)
            {
                throw new DBusConnectionClosedException("the bus closed the connection during authentication");
            }

            if (one[0] == (byte)'\n' && line.Length > 0 && line[^1] == '\r')
            {
                return line.ToString(0, line.Length - 1);
            }

            line.Append((char)one[0]);
        }

        throw new DBusProtocolException("authentication line too long");
    }
}
