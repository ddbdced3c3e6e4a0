namespace PostureStream.Devices.DBus;

/// <summary>A D-Bus object path ('o'), kept apart from plain strings so signatures can be inferred.</summary>
public readonly record struct DBusObjectPath(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A D-Bus type signature ('g').</summary>
public readonly record struct DBusSignature(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A unix file descriptor ('h'). On write, the descriptor is passed with SCM_RIGHTS (the caller still
/// owns its copy); on read, it is a new descriptor the receiver owns and must close.
/// </summary>
public readonly record struct DBusUnixFd(int Fd);

/// <summary>A variant ('v'): a value together with the signature of its single complete type.</summary>
public sealed record DBusVariant(DBusSignature Signature, object Value)
{
    /// <summary>A variant whose signature is inferred from the CLR type of <paramref name="value"/>.</summary>
    public static DBusVariant Of(object value) => new(new DBusSignature(DBusSignatures.Infer(value)), value);
}
