using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Tests.DBus;

public sealed class AddressAndMatchRuleTests
{
    [Fact]
    public void UnixPathAddress_IsParsed()
    {
        DBusAddress address = DBusAddress.Parse("unix:path=/var/run/dbus/system_bus_socket");
        Assert.Equal("/var/run/dbus/system_bus_socket", address.EndPoint.ToString());
    }

    [Fact]
    public void AddressList_UsesTheFirstUnixEntry_AndUnescapes()
    {
        DBusAddress address = DBusAddress.Parse("tcp:host=localhost,port=1;unix:path=/tmp/a%20b,guid=0123");
        Assert.Equal("/tmp/a b", address.EndPoint.ToString());
    }

    [Fact]
    public void AbstractAddress_IsInTheAbstractNamespace()
    {
        DBusAddress address = DBusAddress.Parse("unix:abstract=/tmp/dbus-xyz");
        Assert.StartsWith("@", address.EndPoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddressWithoutUnixTransport_SaysWhatIsSupported()
    {
        var e = Assert.Throws<FormatException>(() => DBusAddress.Parse("tcp:host=localhost,port=1"));
        Assert.Contains("unix:path=", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchRule_IsWrittenAsTheBusExpects()
    {
        var rule = new DBusMatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.Properties", Member = "PropertiesChanged", PathNamespace = new DBusObjectPath("/org/bluez") };
        Assert.Equal("type='signal',sender='org.bluez',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged',path_namespace='/org/bluez'", rule.ToString());
    }

    [Theory]
    [InlineData("/org/bluez", true)]
    [InlineData("/org/bluez/hci0/dev_AA", true)]
    [InlineData("/org/bluezz", false)]
    [InlineData("/", false)]
    public void MatchRule_PathNamespace_MatchesThePathAndBelow(string path, bool matches)
    {
        var rule = new DBusMatchRule { PathNamespace = new DBusObjectPath("/org/bluez") };
        Assert.Equal(matches, rule.Matches(DBusMessage.Signal(new DBusObjectPath(path), "a.b", "C")));
    }
}
