namespace PostureStream.Devices.DBus;

/// <summary>A signal handler registered with <see cref="DBusConnection.SubscribeAsync"/>; disposing it unsubscribes.</summary>
internal sealed class DBusSubscription(DBusConnection connection, DBusMatchRule rule, Action<DBusMessage> handler) : IDisposable
{
    public DBusMatchRule Rule { get; } = rule;

    public Action<DBusMessage> Handler { get; } = handler;

    public void Dispose() => connection.Unsubscribe(this);
}
