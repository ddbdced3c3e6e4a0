using System.Threading.Channels;
using Tmds.DBus.Protocol;

namespace PostureStream.Testing;

/// <summary>
/// A notification server as the freedesktop Desktop Notifications Specification defines it, on a private
/// dbus-daemon: it owns org.freedesktop.Notifications and answers
/// Notify(s app_name, u replaces_id, s app_icon, s summary, s body, as actions, a{sv} hints, i expire_timeout) → u
/// with a new id (or replaces_id when it is not 0), and records every call. Any other signature is refused with
/// org.freedesktop.DBus.Error.InvalidArgs, as a real server's binding would.
/// </summary>
public sealed class NotificationServerStandIn : IAsyncDisposable
{
    private readonly DBusConnection _connection;
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private uint _nextId = 1;

    private NotificationServerStandIn(DBusConnection connection) => _connection = connection;

    public readonly record struct Received(string AppName, uint ReplacesId, string AppIcon, string Summary, string Body, string[] Actions, Dictionary<string, VariantValue> Hints, int ExpireTimeout, uint AnsweredId);

    public ChannelReader<Received> Calls => _received.Reader;

    public static async Task<NotificationServerStandIn> StartAsync(string busAddress)
    {
        var connection = new DBusConnection(busAddress);
        await connection.ConnectAsync();
        var standIn = new NotificationServerStandIn(connection);
        connection.AddMethodHandler(new Handler(standIn));
        await connection.RequestNameAsync("org.freedesktop.Notifications", RequestNameOptions.None);
        return standIn;
    }

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Handle(MethodContext context)
    {
        Message call = context.Request;
        if (call.InterfaceAsString != "org.freedesktop.Notifications" || call.MemberAsString != "Notify")
        {
            context.ReplyError("org.freedesktop.DBus.Error.UnknownMethod", $"no {call.InterfaceAsString}.{call.MemberAsString}");
            return;
        }

        if (call.SignatureAsString != "susssasa{sv}i")
        {
            context.ReplyError("org.freedesktop.DBus.Error.InvalidArgs", $"Notify takes susssasa{{sv}}i, not {call.SignatureAsString}");
            return;
        }

        Reader reader = call.GetBodyReader();
        string app = reader.ReadString();
        uint replaces = reader.ReadUInt32();
        string icon = reader.ReadString();
        string summary = reader.ReadString();
        string body = reader.ReadString();
        string[] actions = reader.ReadArrayOfString();
        Dictionary<string, VariantValue> hints = reader.ReadDictionaryOfStringToVariantValue();
        int expire = reader.ReadInt32();
        uint id = replaces != 0 ? replaces : _nextId++;
        _received.Writer.TryWrite(new Received(app, replaces, icon, summary, body, actions, hints, expire, id));
        MessageWriter writer = context.CreateReplyWriter("u");
        try
        {
            writer.WriteUInt32(id);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    private sealed class Handler(NotificationServerStandIn standIn) : IPathMethodHandler
    {
        public string Path => "/org/freedesktop/Notifications";

        public bool HandlesChildPaths => false;

        public ValueTask HandleMethodAsync(MethodContext context)
        {
            standIn.Handle(context);
            return ValueTask.CompletedTask;
        }
    }
}
