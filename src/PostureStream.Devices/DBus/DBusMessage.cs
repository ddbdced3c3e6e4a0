namespace PostureStream.Devices.DBus;

/// <summary>
/// One D-Bus message: its header fields and its body values (see <see cref="DBusReader"/> for the CLR
/// types of values). Descriptors a received message carried are in <see cref="UnixFds"/>; the receiver
/// owns them.
/// </summary>
public sealed class DBusMessage
{
    public DBusMessageType Type { get; init; }

    public DBusMessageFlags Flags { get; init; }

    /// <summary>Set by the connection when the message is sent.</summary>
    public uint Serial { get; set; }

    public DBusObjectPath? Path { get; init; }

    public string? Interface { get; init; }

    public string? Member { get; init; }

    public string? ErrorName { get; init; }

    public uint? ReplySerial { get; init; }

    public string? Destination { get; init; }

    public string? Sender { get; init; }

    /// <summary>The signature of <see cref="Body"/>; empty for no body.</summary>
    public string Signature { get; init; } = "";

    public IReadOnlyList<object> Body { get; init; } = [];

    /// <summary>Descriptors received with the message (indexes of 'h' values point here).</summary>
    public IReadOnlyList<int> UnixFds { get; init; } = [];

    public static DBusMessage MethodCall(string? destination, DBusObjectPath path, string? @interface, string member, string signature = "", params object[] body) => new()
    {
        Type = DBusMessageType.MethodCall,
        Destination = destination,
        Path = path,
        Interface = @interface,
        Member = member,
        Signature = signature,
        Body = body,
    };

    public static DBusMessage Signal(DBusObjectPath path, string @interface, string member, string signature = "", params object[] body) => new()
    {
        Type = DBusMessageType.Signal,
        Path = path,
        Interface = @interface,
        Member = member,
        Signature = signature,
        Body = body,
    };

    /// <summary>The METHOD_RETURN answering this call.</summary>
    public DBusMessage CreateReply(string signature = "", params object[] body) => new()
    {
        Type = DBusMessageType.MethodReturn,
        ReplySerial = Serial,
        Destination = Sender,
        Signature = signature,
        Body = body,
    };

    /// <summary>The ERROR answering this call.</summary>
    public DBusMessage CreateError(string errorName, string message) => new()
    {
        Type = DBusMessageType.Error,
        ReplySerial = Serial,
        Destination = Sender,
        ErrorName = errorName,
        Signature = "s",
        Body = [message],
    };

    /// <summary>Body value <paramref name="index"/> as <typeparamref name="T"/>, with a clear error when it is not.</summary>
    public T Arg<T>(int index)
    {
        if (index >= Body.Count || Body[index] is not T value)
        {
            throw new DBusProtocolException($"{Interface}.{Member}: argument {index} is not a {typeof(T).Name} (signature '{Signature}')");
        }

        return value;
    }

    public override string ToString() =>
        $"{Type} serial={Serial} path={Path} {Interface}.{Member}{(ErrorName is null ? "" : " error=" + ErrorName)} sig='{Signature}'";
}
