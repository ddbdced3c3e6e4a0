namespace PostureStream.Devices.DBus;

/// <summary>The connection to the bus ended (the daemon went away, or the connection was disposed).</summary>
public sealed class DBusConnectionClosedException : Exception
{
    public DBusConnectionClosedException()
        : base("the D-Bus connection is closed")
    {
    }

    public DBusConnectionClosedException(string message)
        : base(message)
    {
    }

    public DBusConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
