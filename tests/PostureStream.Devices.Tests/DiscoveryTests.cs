using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public void FindPorts_ListsPortsWithADriver_UsbFirst_WithTheirUsbIdentity()
    {
        using var sys = new FakeSysfs();

        IReadOnlyList<SerialPortInfo> ports = new SerialPortDiscovery(sys.SysRoot, sys.DevRoot).FindPorts();

        Assert.Equal(["ttyACM0", "ttyUSB0", "ttyS0"], ports.Select(p => p.KernelName));
        SerialPortInfo ftdi = ports[1];
        Assert.Equal(Path.Combine(sys.DevRoot, "ttyUSB0"), ftdi.DevicePath);
        Assert.Equal(Path.Combine(sys.DevRoot, "serial", "by-id", "usb-FTDI_FT232R_USB_UART_A10K7Q-if00-port0"), ftdi.ByIdPath);
        Assert.Equal(ftdi.ByIdPath, ftdi.PreferredPath);
        Assert.Equal(("0403:6001", "A10K7Q", "FTDI", "FT232R USB UART", "ftdi_sio"), (ftdi.UsbId, ftdi.SerialNumber, ftdi.Manufacturer, ftdi.Product, ftdi.Driver));
        Assert.Equal(("2e8a:000a", "cdc_acm", (string?)null), (ports[0].UsbId, ports[0].Driver, ports[0].SerialNumber));
        Assert.Equal(("serial8250", (string?)null, false), (ports[2].Driver, ports[2].ByIdPath, ports[2].IsUsb));
    }

    [Fact]
    public void FindPorts_WithoutSysfs_IsEmpty()
    {
        using var dir = new TempDirectory();

        var discovery = new SerialPortDiscovery(dir["sys"], dir["dev"]);

        Assert.Empty(discovery.FindPorts());
        Assert.Contains("no serial ports were found", discovery.DescribePorts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoProbe_PicksThePortWhoseDeviceAnswersIdentify()
    {
        using var dir = new TempDirectory();
        await using var silent = TestPty.Create(dir["silent"]);
        await using var sensor = TestPty.Create(dir["sensor"]);
        await using var silentDevice = new ScriptedDevice(silent.Master);
        await using var device = new ScriptedDevice(sensor.Master);
        SerialPortInfo[] ports = [new(sensor.LinkPath, "pts-a", "pty"), new(silent.LinkPath, "pts-b", "pty")];
        var hello = new HelloMessage(7, 1, 0, 0, 100, SensorMask.Both, "found-me");

        Task<ProbeAnswer?> probe = SerialAutoProbe.FindAsync(ports, 115200, SerialAutoProbe.DefaultTimeout, new ManualTimeProvider(), CancellationToken.None);
        await device.ExpectAsync<IdentifyMessage>();
        await device.SendAsync(hello);
        ProbeAnswer? answer = await probe.WaitAsync(LinkExtensions.Patience);

        Assert.NotNull(answer);
        Assert.Equal(sensor.LinkPath, answer.Port.DevicePath);
        Assert.Equal("found-me", answer.Hello.Name);
    }

    [Fact]
    public async Task AutoProbe_WhenNothingAnswersWithinTwoSeconds_FindsNothing()
    {
        using var dir = new TempDirectory();
        await using var silent = TestPty.Create(dir["silent"]);
        await using var silentDevice = new ScriptedDevice(silent.Master);
        var time = new ManualTimeProvider();

        Task<ProbeAnswer?> probe = SerialAutoProbe.FindAsync([new SerialPortInfo(silent.LinkPath, "pts", "pty")], 115200, SerialAutoProbe.DefaultTimeout, time, CancellationToken.None);
        await silentDevice.ExpectAsync<IdentifyMessage>();
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await probe.WaitAsync(LinkExtensions.Patience));
    }

    [Fact]
    public async Task AutoSource_WithNoPorts_SaysSo()
    {
        using var dir = new TempDirectory();
        var connector = new AutoSerialConnector(115200, new SerialPortDiscovery(dir["sys"], dir["dev"]));

        var error = await Assert.ThrowsAsync<SourceOpenException>(() => connector.ConnectAsync(CancellationToken.None));

        Assert.Equal(SourceOpenFailure.NotFound, error.Failure);
        Assert.Contains("serial:auto: no serial ports were found", error.Message, StringComparison.Ordinal);
    }
}
