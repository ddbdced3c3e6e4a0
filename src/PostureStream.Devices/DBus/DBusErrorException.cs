namespace PostureStream.Devices.DBus;

/// <summary>An ERROR reply to a method call: its error name (e.g. org.bluez.Error.Failed) and message.</summary>
public sealed class DBusErrorException : Exception
{
    public DBusErrorException()
        : this("org.freedesktop.DBus.Error.Failed", "failed")
    {
    }

    public DBusErrorException(string message)
        : this("org.freedesktop.DBus.Error.Failed", message)
    {
    }

    public DBusErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorName = "org.freedesktop.DBus.Error.Failed";
        ErrorMessage = message;
    }

    public DBusErrorException(string errorName, string errorMessage)
        : base($"{errorName}: {errorMessage}")
    {
        ErrorName = errorName;
        ErrorMessage = errorMessage;
    }

    public string ErrorName { get; }

    public string ErrorMessage { get; }
}
