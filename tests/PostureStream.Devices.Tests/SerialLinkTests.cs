using PostureStream.Testing;
using System.Security.Cryptography;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Devices.Tests.Support;

namespace PostureStream.Devices.Tests;

/// <summary>The serial link contract (bytes both ways, unplug is a lost link, reads cancel) runs against both drivers on Linux PTYs.</summary>
public sealed class SerialLinkTests
{
    [Theory]
    [InlineData(SerialDriver.Termios)]
    [InlineData(SerialDriver.Ports)]
    public async Task BytesWrittenAtTheDeviceEnd_ArriveIntact_ThroughTheSerialLink(SerialDriver driver)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using IDeviceLink port = SerialLinkOpener.Open(pty.LinkPath, 115200, driver);
        // Every byte value, including the ones a cooked terminal would eat (0x00, ^C, ^S, CR, DEL).
        byte[] payload = [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. RandomNumberGenerator.GetBytes(8192)];

        Task<byte[]> received = port.ReadExactlyAsync(payload.Length);
        await pty.Master.WriteAsync(payload);

        Assert.Equal(payload, await received.WaitAsync(LinkExtensions.Patience));
    }

    [Theory]
    [InlineData(SerialDriver.Termios)]
    [InlineData(SerialDriver.Ports)]
    public async Task CommandsWrittenToTheSerialLink_ArriveIntact_AtTheDeviceEnd(SerialDriver driver)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using IDeviceLink port = SerialLinkOpener.Open(pty.LinkPath, 115200, driver);
        byte[] payload = [.. Enumerable.Range(0, 256).Select(i => (byte)i), 0x0A, 0x0D, 0x0A];

        Task<byte[]> received = pty.Master.ReadExactlyAsync(payload.Length);
        await port.WriteAsync(payload);

        Assert.Equal(payload, await received.WaitAsync(LinkExtensions.Patience));
    }

    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    [InlineData(921600)]
    [InlineData(250000)]
    [InlineData(9600, SerialDriver.Ports)]
    [InlineData(115200, SerialDriver.Ports)]
    public async Task OpenedPort_IsRaw8N1_AtTheRequestedBaud(int baud, SerialDriver driver = SerialDriver.Termios)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using IDeviceLink port = SerialLinkOpener.Open(pty.LinkPath, baud, driver);

        TermiosSnapshot settings = TermiosSnapshot.Read(pty.SlavePath);

        Assert.Equal(SerialNative.CS8, settings.CFlag & SerialNative.CSIZE);
        Assert.Equal(0u, settings.CFlag & (SerialNative.PARENB | SerialNative.CSTOPB | SerialNative.CRTSCTS));
        Assert.Equal(SerialNative.CLOCAL | SerialNative.CREAD, settings.CFlag & (SerialNative.CLOCAL | SerialNative.CREAD));
        Assert.Equal(0u, settings.IFlag & (SerialNative.IXON | SerialNative.IXOFF));
        const uint Isig = 0x1, Icanon = 0x2, Echo = 0x8, EchoNl = 0x40, IExten = 0x8000, OPost = 0x1;
        Assert.Equal(0u, settings.LFlag & (Isig | Icanon | Echo | EchoNl | IExten)); // no echo, no line editing, no signals
        Assert.Equal(0u, settings.OFlag & OPost); // no output processing
        Assert.Equal((uint)baud, settings.OutputBaud);
        Assert.Equal((uint)baud, settings.InputBaud);
    }

    [Fact]
    public async Task OpenPort_IsExclusive_AndClosingItLetsOthersIn()
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        IDeviceLink port = SerialPortOpener.Open(pty.LinkPath, 115200);

        bool whileOpen = TermiosSnapshot.IsExclusive(pty.SlavePath);
        await port.DisposeAsync();

        Assert.True(whileOpen);
        Assert.False(TermiosSnapshot.IsExclusive(pty.SlavePath)); // the PTY stays open elsewhere; TIOCEXCL must not linger
    }

    [Fact]
    public void TermiosStructs_HaveTheKernelAndGlibcSizes()
    {
        Assert.Equal(60, System.Runtime.CompilerServices.Unsafe.SizeOf<SerialNative.Termios>());
        Assert.Equal(44, System.Runtime.CompilerServices.Unsafe.SizeOf<SerialNative.Termios2>());
    }

    [Theory]
    [InlineData(SerialDriver.Termios)]
    [InlineData(SerialDriver.Ports)]
    public async Task ClosingTheMaster_EndsTheRead_WithLinkLost(SerialDriver driver)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using IDeviceLink port = SerialLinkOpener.Open(pty.LinkPath, 115200, driver);
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);

        ValueTask<int> read = port.ReadAsync(new byte[64], timeout.Token);
        await pty.UnplugAsync();

        await Assert.ThrowsAsync<LinkLostException>(async () => await read);
    }

    [Theory]
    [InlineData(SerialDriver.Termios)]
    [InlineData(SerialDriver.Ports)]
    public async Task CancellingARead_StopsIt(SerialDriver driver)
    {
        using var dir = new TempDirectory();
        await using var pty = TestPty.Create(dir.Sub("sensor"));
        await using IDeviceLink port = SerialLinkOpener.Open(pty.LinkPath, 115200, driver);
        using var cancel = new CancellationTokenSource();

        ValueTask<int> read = port.ReadAsync(new byte[64], cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
    }
}
