using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Notifications;

/// <summary>
/// Desktop notifications through the freedesktop Desktop Notifications Specification: the method
/// <c>org.freedesktop.Notifications.Notify(s app_name, u replaces_id, s app_icon, s summary, s body, as actions,
/// a{sv} hints, i expire_timeout) → u id</c> on <c>/org/freedesktop/Notifications</c> of the session bus (GNOME,
/// KDE, XFCE, dunst, mako…), called with Tmds.DBus.Protocol. A notice with the same <see cref="DesktopNotification.Key"/>
/// replaces the previous one on screen (its id as replaces_id). Urgent notices carry the hint urgency = 2 (critical).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FreedesktopNotifier : IDesktopNotifier
{
    public const string Service = "org.freedesktop.Notifications";
    public const string ObjectPath = "/org/freedesktop/Notifications";
    public const string Interface = "org.freedesktop.Notifications";
    public const string NotifySignature = "susssasa{sv}i";
    public const string AppName = "PostureStream";

    /// <summary>How long a call may wait for the notification server.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly string _address;
    private readonly Dictionary<string, uint> _shown = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DBusConnection? _connection;

    /// <param name="busAddress">The session bus; null = DBUS_SESSION_BUS_ADDRESS.</param>
    public FreedesktopNotifier(string? busAddress = null)
    {
        _address = busAddress ?? DBusAddress.Session ?? throw new DesktopNotificationException(
            "no session bus (DBUS_SESSION_BUS_ADDRESS is not set): desktop notifications need a desktop session; the terminal bell is used instead");
    }

    public string Description => $"desktop notifications ({Service})";

    public async Task NotifyAsync(DesktopNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            DBusConnection connection = await ConnectedAsync(cancellationToken);
            uint replaces = _shown.GetValueOrDefault(notification.Key);
            uint id = await connection.CallMethodAsync(CreateNotify(connection, notification, replaces), static (Message m, object? _) => m.GetBodyReader().ReadUInt32())
                .WaitAsync(CallTimeout, cancellationToken);
            _shown[notification.Key] = id;
        }
        catch (Exception e) when (e is DBusConnectionException or TimeoutException or DBusErrorReplyException)
        {
            if (e is not DBusErrorReplyException)
            {
                // A connection that failed or broke cannot be reused: the next notice connects again (the bus may be back).
                _connection?.Dispose();
                _connection = null;
            }

            throw new DesktopNotificationException($"the desktop notification could not be shown ({e.Message}); is a notification server running in this session?", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<DBusConnection> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } connected)
        {
            return connected;
        }

        var connection = new DBusConnection(_address);
        _connection = connection;
        await connection.ConnectAsync().AsTask().WaitAsync(CallTimeout, cancellationToken);
        return connection;
    }

    private static MessageBuffer CreateNotify(DBusConnection connection, DesktopNotification notification, uint replaces)
    {
        MessageWriter writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Service, ObjectPath, Interface, "Notify", NotifySignature);
            writer.WriteString(AppName);
            writer.WriteUInt32(replaces);
            writer.WriteString("");
            writer.WriteString(notification.Summary);
            writer.WriteString(notification.Body);
            writer.WriteArray(Array.Empty<string>());
            writer.WriteDictionary(new Dictionary<string, VariantValue>
            {
                ["urgency"] = VariantValue.Byte(notification.Urgent ? (byte)2 : (byte)1),
                ["category"] = VariantValue.String("device"),
            });
            writer.WriteInt32(-1);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }
}
