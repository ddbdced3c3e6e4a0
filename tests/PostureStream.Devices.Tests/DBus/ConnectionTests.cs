using System.Net.Sockets;
using System.Text;
using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Tests.DBus;

/// <summary>The client against a real dbus-daemon on a private socket.</summary>
public sealed class ConnectionTests : IAsyncLifetime
{
    private PrivateBusDaemon _bus = null!;

    public async Task InitializeAsync() => _bus = await PrivateBusDaemon.StartAsync();

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Connect_AuthenticatesAndGetsAUniqueName()
    {
        await using DBusConnection connection = await Wait.For(_bus.ConnectAsync());
        Assert.StartsWith(":", connection.UniqueName, StringComparison.Ordinal);
        Assert.True(connection.UnixFdPassing);
    }

    [Fact]
    public async Task CallToTheBus_ReturnsItsReply()
    {
        await using DBusConnection connection = await Wait.For(_bus.ConnectAsync());
        DBusMessage reply = await Wait.For(connection.CallAsync(
            DBusMessage.MethodCall("org.freedesktop.DBus", new DBusObjectPath("/org/freedesktop/DBus"), "org.freedesktop.DBus", "ListNames"), CancellationToken.None));
        Assert.Contains((object)connection.UniqueName, (object[])reply.Body[0]);
    }

    [Fact]
    public async Task CallToAMissingService_ThrowsTheBusError()
    {
        await using DBusConnection connection = await Wait.For(_bus.ConnectAsync());
        var e = await Assert.ThrowsAsync<DBusErrorException>(() => Wait.For(connection.CallAsync(
            DBusMessage.MethodCall("org.bluez", new DBusObjectPath("/"), "org.freedesktop.DBus.ObjectManager", "GetManagedObjects"), CancellationToken.None)));
        Assert.Equal("org.freedesktop.DBus.Error.ServiceUnknown", e.ErrorName);
    }

    [Fact]
    public async Task ExportedObject_AnswersCallsAndErrors()
    {
        await using DBusConnection server = await Wait.For(_bus.ConnectAsync());
        await using DBusConnection client = await Wait.For(_bus.ConnectAsync());
        await Wait.For(server.RequestNameAsync("test.Echo", CancellationToken.None));
        server.SetMethodCallHandler(call => Task.FromResult(call.Member == "Echo"
            ? call.CreateReply("a{sv}", call.Body[0])
            : throw new DBusErrorException("test.Error.Nope", "no such method")));

        var argument = new Dictionary<string, object> { ["UUIDs"] = new[] { "6e400001-b5a3-f393-e0a9-e50e24dcca9e" }, ["RSSI"] = (short)-42 };
        DBusMessage reply = await Wait.For(client.CallAsync(DBusMessage.MethodCall("test.Echo", new DBusObjectPath("/x"), "test.Echo", "Echo", "a{sv}", argument), CancellationToken.None));
        var echoed = (Dictionary<object, object>)reply.Body[0];
        Assert.Equal((short)-42, ((DBusVariant)echoed["RSSI"]).Value);

        var e = await Assert.ThrowsAsync<DBusErrorException>(() => Wait.For(client.CallAsync(DBusMessage.MethodCall("test.Echo", new DBusObjectPath("/x"), "test.Echo", "Other"), CancellationToken.None)));
        Assert.Equal("test.Error.Nope", e.ErrorName);
        Assert.Equal("no such method", e.ErrorMessage);
    }

    [Fact]
    public async Task MessageLargerThanTheReadBuffer_ArrivesWhole()
    {
        await using DBusConnection server = await Wait.For(_bus.ConnectAsync());
        await using DBusConnection client = await Wait.For(_bus.ConnectAsync());
        await Wait.For(server.RequestNameAsync("test.Big", CancellationToken.None));
        server.SetMethodCallHandler(call => Task.FromResult(call.CreateReply("ay", call.Body[0])));
        byte[] payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        DBusMessage reply = await Wait.For(client.CallAsync(DBusMessage.MethodCall("test.Big", new DBusObjectPath("/x"), "test.Big", "Echo", "ay", payload), CancellationToken.None));

        Assert.Equal(payload, reply.Body[0]);
    }

    [Fact]
    public async Task Signal_ReachesASubscriber()
    {
        await using DBusConnection sender = await Wait.For(_bus.ConnectAsync());
        await using DBusConnection receiver = await Wait.For(_bus.ConnectAsync());
        var received = new TaskCompletionSource<DBusMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable subscription = await Wait.For(receiver.SubscribeAsync(
            new DBusMatchRule { Interface = "test.Signals", Member = "Tick", PathNamespace = new DBusObjectPath("/t") },
            m => received.TrySetResult(m),
            CancellationToken.None));

        sender.Send(DBusMessage.Signal(new DBusObjectPath("/other"), "test.Signals", "Tick", "u", 1u));
        sender.Send(DBusMessage.Signal(new DBusObjectPath("/t/child"), "test.Signals", "Tick", "u", 2u));

        DBusMessage signal = await Wait.For(received.Task);
        Assert.Equal(2u, signal.Body[0]);
    }

    [Fact]
    public async Task Descriptor_IsPassedThroughTheBus()
    {
        await using DBusConnection server = await Wait.For(_bus.ConnectAsync());
        await using DBusConnection client = await Wait.For(_bus.ConnectAsync());
        await Wait.For(server.RequestNameAsync("test.Fd", CancellationToken.None));
        (int ours, int theirs) = UnixNative.CreateSocketPair(UnixNative.SockSeqPacket);
        using var ourEnd = new Socket(new SafeSocketHandle(ours, ownsHandle: true));
        server.SetMethodCallHandler(call =>
        {
            DBusMessage reply = call.CreateReply("hq", new DBusUnixFd(theirs), (ushort)185);
            return Task.FromResult(reply);
        });

        DBusMessage answer = await Wait.For(client.CallAsync(DBusMessage.MethodCall("test.Fd", new DBusObjectPath("/x"), "test.Fd", "Acquire"), CancellationToken.None));
        UnixNative.Close(theirs);
        var fd = (DBusUnixFd)answer.Body[0];
        Assert.Equal((ushort)185, answer.Body[1]);
        Assert.NotEqual(theirs, fd.Fd);

        using var received = new Socket(new SafeSocketHandle(fd.Fd, ownsHandle: true));
        await ourEnd.SendAsync(Encoding.ASCII.GetBytes("notify"));
        byte[] buffer = new byte[16];
        int count = await Wait.For(received.ReceiveAsync(buffer));
        Assert.Equal("notify", Encoding.ASCII.GetString(buffer, 0, count));
    }

    [Fact]
    public async Task DaemonGoingAway_ClosesTheConnectionAndFailsPendingCalls()
    {
        DBusConnection connection = await Wait.For(_bus.ConnectAsync());
        await _bus.DisposeAsync();
        await Wait.For(connection.Closed);
        await Assert.ThrowsAnyAsync<Exception>(() => Wait.For(connection.CallAsync(
            DBusMessage.MethodCall("org.freedesktop.DBus", new DBusObjectPath("/org/freedesktop/DBus"), "org.freedesktop.DBus", "ListNames"), CancellationToken.None)));
        await connection.DisposeAsync();
        _bus = await PrivateBusDaemon.StartAsync();
    }
}
