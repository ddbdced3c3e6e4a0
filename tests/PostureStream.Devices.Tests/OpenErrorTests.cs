using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Devices.Tests.Support;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

/// <summary>Ports that cannot be opened say why and what would work.</summary>
public sealed class OpenErrorTests
{
    [Fact]
    public void MissingPort_ListsThePortsThatExist()
    {
        using var sys = new FakeSysfs();
        var discovery = new SerialPortDiscovery(sys.SysRoot, sys.DevRoot);

        var error = Assert.Throws<SourceOpenException>(() => SerialPortOpener.Open("/dev/ttyUSB9-not-here", 115200, discovery));

        Assert.Equal(SourceOpenFailure.NotFound, error.Failure);
        Assert.Contains("'/dev/ttyUSB9-not-here' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(sys.DevRoot, "ttyUSB0"), error.Message, StringComparison.Ordinal);
        Assert.Contains("USB 0403:6001", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(sys.DevRoot, "ttyACM0"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegularFile_IsNotASerialPort()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Sub("notes.txt"), "hello");

        var error = Assert.Throws<SourceOpenException>(() => SerialPortOpener.Open(dir.Sub("notes.txt"), 115200));

        Assert.Equal(SourceOpenFailure.NotASerialPort, error.Failure);
        Assert.Contains("is not a serial port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortHeldByAnotherOpener_IsBusy()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using var holder = SerialPortOpener.Open(pty.LinkPath, 115200);
        using var sys = new FakeSysfs();

        var error = Assert.Throws<SourceOpenException>(() => SerialPortOpener.Open(pty.LinkPath, 115200, new SerialPortDiscovery(sys.SysRoot, sys.DevRoot)));

        Assert.Equal(SourceOpenFailure.Busy, error.Failure);
        Assert.Contains("held by another process", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(sys.DevRoot, "ttyACM0"), error.Message, StringComparison.Ordinal); // and the ports there are
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-9600)]
    [InlineData(5_000_000)]
    public async Task AnUnsupportedBaud_ListsTheSupportedOnes(int baud)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));

        var error = Assert.Throws<SourceOpenException>(() => SerialPortOpener.Open(pty.LinkPath, baud));

        Assert.Equal(SourceOpenFailure.UnsupportedBaudRate, error.Failure);
        Assert.Contains(BaudRates.StandardList, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissionDenied_NamesTheGroupThatOwnsThePort()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Sub("port"), "");
        string group = UnixGroups.NameOf(SerialNative.GroupIdOf(dir.Sub("port"))!.Value) ?? "?";

        var error = SerialPortOpener.OpenError(dir.Sub("port"), Errno.EACCES, new SerialPortDiscovery());

        Assert.Equal(SourceOpenFailure.PermissionDenied, error.Failure);
        Assert.Contains($"belongs to group '{group}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"usermod -aG {group}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupOfAPath_IsReadWithStatx()
    {
        // /etc/passwd belongs to root (gid 0) on every Linux system.
        Assert.Equal(0u, SerialNative.GroupIdOf("/etc/passwd"));
        Assert.Equal("root", UnixGroups.NameOf(0));
    }

    [Fact]
    public async Task TcpSourceWithNothingListening_IsUnreachable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<SourceOpenException>(() => new TcpConnector("127.0.0.1", port).ConnectAsync(CancellationToken.None));

        Assert.Equal(SourceOpenFailure.Unreachable, error.Failure);
        Assert.Contains($"tcp://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
