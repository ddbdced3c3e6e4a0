using System.Collections.Concurrent;
using System.Net.Sockets;

namespace PostureStream.Devices.DBus;

/// <summary>
/// A client connection to a message bus over a unix socket: method calls with replies, signal
/// subscriptions, exported objects (one method-call handler), and descriptor passing. A dedicated
/// thread reads; signal handlers run on it in order and must not block.
/// </summary>
public sealed class DBusConnection : IAsyncDisposable
{
    public const string BusName = "org.freedesktop.DBus";
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(25);
    private static readonly DBusObjectPath BusPath = new("/org/freedesktop/DBus");

    private readonly Socket _socket;
    private readonly UnixFdSocket _io;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _sendLock = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<DBusMessage>> _pending = new();
    private readonly List<DBusSubscription> _subscriptions = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<DBusMessage, Task<DBusMessage>>? _methodCallHandler;
    private uint _lastSerial;
    private int _disposed;
    private volatile bool _readerEnded;

    private DBusConnection(Socket socket, bool unixFdPassing, TimeProvider timeProvider)
    {
        _socket = socket;
        _io = new UnixFdSocket(socket);
        UnixFdPassing = unixFdPassing;
        _timeProvider = timeProvider;
    }

    /// <summary>The unique name the bus gave this connection (":1.42").</summary>
    public string UniqueName { get; private set; } = "";

    /// <summary>Whether the bus agreed to pass descriptors (NEGOTIATE_UNIX_FD).</summary>
    public bool UnixFdPassing { get; }

    /// <summary>Completes when the connection ends, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Connects to the system bus (DBUS_SYSTEM_BUS_ADDRESS, else the standard socket).</summary>
    public static Task<DBusConnection> ConnectSystemBusAsync(CancellationToken cancellationToken) =>
        ConnectAsync(DBusAddress.System, null, cancellationToken);

    /// <summary>Connects, authenticates (EXTERNAL), negotiates fd passing and says Hello.</summary>
    public static async Task<DBusConnection> ConnectAsync(DBusAddress address, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // Synchronous connect and handshake keep the descriptor blocking for the reader thread.
            bool unixFds = await Task.Run(
                () =>
                {
                    socket.Connect(address.EndPoint);
                    return SaslExternalAuthenticator.Authenticate(socket, UnixNative.GetUid());
                },
                cancellationToken);
            var connection = new DBusConnection(socket, unixFds, timeProvider ?? TimeProvider.System);
            connection.StartReader();
            try
            {
                DBusMessage reply = await connection.CallAsync(DBusMessage.MethodCall(BusName, BusPath, BusName, "Hello"), cancellationToken);
                connection.UniqueName = reply.Arg<string>(0);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a message that expects no reply (a signal, or a reply built by a handler).</summary>
    public void Send(DBusMessage message)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        lock (_sendLock)
        {
            message.Serial = ++_lastSerial == 0 ? ++_lastSerial : _lastSerial;
            (byte[] bytes, IReadOnlyList<int> fds) = DBusMessageCodec.Encode(message);
            if (fds.Count > 0 && !UnixFdPassing)
            {
                throw new DBusProtocolException("the bus did not agree to pass unix fds");
            }

            try
            {
                _io.Send(bytes, fds);
            }
            catch (IOException e)
            {
                throw new DBusConnectionClosedException("could not write to the bus", e);
            }
        }
    }

    /// <summary>Calls a method and awaits its reply within <see cref="DefaultCallTimeout"/>.</summary>
    public Task<DBusMessage> CallAsync(DBusMessage call, CancellationToken cancellationToken) =>
        CallAsync(call, DefaultCallTimeout, cancellationToken);

    /// <summary>
    /// Calls a method and awaits its METHOD_RETURN. An ERROR reply throws <see cref="DBusErrorException"/>;
    /// no reply within <paramref name="timeout"/> throws <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<DBusMessage> CallAsync(DBusMessage call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<DBusMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        uint serial;
        lock (_sendLock)
        {
            // Register under the send lock so the reply cannot arrive before the serial is known.
            serial = _lastSerial + 1 == 0 ? 1 : _lastSerial + 1;
            _pending[serial] = reply;
            try
            {
                Send(call);
            }
            catch
            {
                _pending.TryRemove(serial, out _);
                throw;
            }
        }

        if (_readerEnded)
        {
            // The reader may have failed the pending calls before this one was registered.
            reply.TrySetException(new DBusConnectionClosedException());
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        await using CancellationTokenRegistration registration = linked.Token.Register(() => reply.TrySetCanceled(linked.Token));
        DBusMessage message;
        try
        {
            message = await reply.Task;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no reply to {call.Interface}.{call.Member} on {call.Destination} within {timeout}");
        }
        finally
        {
            _pending.TryRemove(serial, out _);
        }

        if (message.Type == DBusMessageType.Error)
        {
            string text = message.Body.Count > 0 && message.Body[0] is string s ? s : "";
            throw new DBusErrorException(message.ErrorName ?? "org.freedesktop.DBus.Error.Failed", text);
        }

        return message;
    }

    /// <summary>
    /// Routes signals matching <paramref name="rule"/> to <paramref name="handler"/> (on the reader
    /// thread) and asks the bus for them. Dispose the result to unsubscribe.
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(DBusMatchRule rule, Action<DBusMessage> handler, CancellationToken cancellationToken)
    {
        var subscription = new DBusSubscription(this, rule, handler);
        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }

        try
        {
            await CallAsync(DBusMessage.MethodCall(BusName, BusPath, BusName, "AddMatch", "s", rule.ToString()), cancellationToken);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }

        return subscription;
    }

    /// <summary>
    /// Answers incoming method calls. The handler returns the reply (see
    /// <see cref="DBusMessage.CreateReply"/>); a <see cref="DBusErrorException"/> it throws becomes an
    /// ERROR reply.
    /// </summary>
    public void SetMethodCallHandler(Func<DBusMessage, Task<DBusMessage>> handler) => _methodCallHandler = handler;

    /// <summary>Asks for a well-known name; fails unless this connection becomes its primary owner.</summary>
    public async Task RequestNameAsync(string name, CancellationToken cancellationToken)
    {
        const uint doNotQueue = 4;
        DBusMessage reply = await CallAsync(DBusMessage.MethodCall(BusName, BusPath, BusName, "RequestName", "su", name, doNotQueue), cancellationToken);
        uint result = reply.Arg<uint>(0);
        if (result is not (1 or 4))
        {
            throw new DBusErrorException("org.freedesktop.DBus.Error.AccessDenied", $"could not own {name} (RequestName returned {result})");
        }
    }

    /// <summary>Whether <paramref name="name"/> has an owner on the bus.</summary>
    public async Task<bool> NameHasOwnerAsync(string name, CancellationToken cancellationToken)
    {
        DBusMessage reply = await CallAsync(DBusMessage.MethodCall(BusName, BusPath, BusName, "NameHasOwner", "s", name), cancellationToken);
        return reply.Arg<bool>(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already disconnected.
        }

        await _closed.Task;
        _socket.Dispose();
    }

    private void StartReader()
    {
        var thread = new Thread(ReadLoop) { IsBackground = true, Name = "dbus-reader" };
        thread.Start();
    }

    private void ReadLoop()
    {
        var stream = new DBusMessageStream(_io);
        Exception? failure = null;
        try
        {
            while (stream.ReadNext() is { } message)
            {
                Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or DBusProtocolException or ObjectDisposedException or SocketException)
        {
            failure = e;
        }

        foreach (int fd in stream.Leftover)
        {
            UnixNative.Close(fd);
        }

        _readerEnded = true;
        var closed = failure is null ? new DBusConnectionClosedException() : new DBusConnectionClosedException("the D-Bus connection failed: " + failure.Message, failure);
        foreach (TaskCompletionSource<DBusMessage> pending in _pending.Values)
        {
            pending.TrySetException(closed);
        }

        _closed.TrySetResult();
    }

    private void Dispatch(DBusMessage message)
    {
        switch (message.Type)
        {
            case DBusMessageType.MethodReturn or DBusMessageType.Error:
                if (message.ReplySerial is { } serial && _pending.TryGetValue(serial, out TaskCompletionSource<DBusMessage>? reply) && reply.TrySetResult(message))
                {
                    return;
                }

                break;
            case DBusMessageType.Signal:
                DBusSubscription[] subscriptions;
                lock (_subscriptions)
                {
                    subscriptions = [.. _subscriptions];
                }

                foreach (DBusSubscription subscription in subscriptions.Where(s => s.Rule.Matches(message)))
                {
                    subscription.Handler(message);
                }

                break;
            case DBusMessageType.MethodCall:
                _ = Task.Run(() => AnswerAsync(message));
                return;
            default:
                break;
        }

        // Nobody takes ownership of descriptors that came with a stray reply or a signal.
        foreach (int fd in message.UnixFds)
        {
            UnixNative.Close(fd);
        }
    }

    private async Task AnswerAsync(DBusMessage call)
    {
        DBusMessage reply;
        Func<DBusMessage, Task<DBusMessage>>? handler = _methodCallHandler;
        try
        {
            reply = handler is null
                ? call.CreateError("org.freedesktop.DBus.Error.UnknownObject", $"no object at {call.Path}")
                : await handler(call);
        }
        catch (DBusErrorException e)
        {
            reply = call.CreateError(e.ErrorName, e.ErrorMessage);
        }
#pragma warning disable CA1031 // A failing handler must still answer the caller, or the caller waits for its timeout.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reply = call.CreateError("org.freedesktop.DBus.Error.Failed", e.Message);
        }

        if (!call.Flags.HasFlag(DBusMessageFlags.NoReplyExpected) && _disposed == 0)
        {
            try
            {
                Send(reply);
            }
            catch (DBusConnectionClosedException)
            {
                // The caller will see the connection end instead.
            }
        }
    }

    /// <summary>Stops routing a subscription's signals and tells the bus to stop sending them.</summary>
    internal void Unsubscribe(DBusSubscription subscription)
    {
        lock (_subscriptions)
        {
            if (!_subscriptions.Remove(subscription))
            {
                return;
            }
        }

        if (_disposed != 0)
        {
            return;
        }

        try
        {
            Send(new DBusMessage
            {
                Type = DBusMessageType.MethodCall,
                Flags = DBusMessageFlags.NoReplyExpected,
                Destination = BusName,
                Path = BusPath,
                Interface = BusName,
                Member = "RemoveMatch",
                Signature = "s",
                Body = [subscription.Rule.ToString()],
            });
        }
        catch (DBusConnectionClosedException)
        {
            // Nothing to remove on a closed connection.
        }
    }
}
