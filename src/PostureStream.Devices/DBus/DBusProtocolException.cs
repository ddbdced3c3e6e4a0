namespace PostureStream.Devices.DBus;

/// <summary>Bytes that break the D-Bus wire format, or a value that does not fit its signature.</summary>
public sealed class DBusProtocolException : Exception
{
    public DBusProtocolException()
    {
    }

    public DBusProtocolException(string message)
        : base(message)
    {
    }

    public DBusProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
