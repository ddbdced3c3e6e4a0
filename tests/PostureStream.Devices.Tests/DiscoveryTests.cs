using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public void FindPorts_ListsPortsWithADriver_UsbFirst_WithTheirUsbIdentity()
    {
        using var sys = new FakeSysfs();

        IReadOnlyList<SerialPortInfo> ports = new SerialPortDiscovery(sys.SysRoot, sys.DevRoot).FindPorts();

        Assert.Equal(["ttyACM0", "ttyUSB0", "ttyS0", "ttyS2"], ports.Select(p => p.KernelName));
        Assert.Equal("serial", ports[3].Driver); // the hardware's driver, not serial-base's "port"
        SerialPortInfo ftdi = ports[1];
        Assert.Equal(Path.Combine(sys.DevRoot, "ttyUSB0"), ftdi.DevicePath);
        Assert.Equal(Path.Combine(sys.DevRoot, "serial", "by-id", "usb-FTDI_FT232R_USB_UART_A10K7Q-if00-port0"), ftdi.ByIdPath);
        Assert.Equal(ftdi.ByIdPath, ftdi.PreferredPath);
        Assert.Equal(("0403:6001", "A10K7Q", "FTDI", "FT232R USB UART", "ftdi_sio"), (ftdi.UsbId, ftdi.SerialNumber, ftdi.Manufacturer, ftdi.Product, ftdi.Driver));
        Assert.Equal(("2e8a:000a", "cdc_acm", (string?)null), (ports[0].UsbId, ports[0].Driver, ports[0].SerialNumber));
        Assert.Equal(("serial8250", (string?)null, false), (ports[2].Driver, ports[2].ByIdPath, ports[2].IsUsb));
    }

    [Fact]
    public void Listing_ShowsEachPortWithItsSourceUri_AndWhoAnswered()
    {
        using var sys = new FakeSysfs();
        IReadOnlyList<SerialPortInfo> ports = new SerialPortDiscovery(sys.SysRoot, sys.DevRoot).FindPorts();
        var hello = new HelloMessage(0xbeef, 1, 4, 2, 100, SensorMask.Both, "lumbar-kit");
        PortListingEntry[] entries = [.. ports.Select((p, i) => new PortListingEntry(p, null, i == 1 ? hello : null))];
        var table = new StringWriter();
        using var json = new MemoryStream();

        PortListing.WriteTable(table, entries, probed: true);
        PortListing.WriteJson(json, entries);

        string[] lines = table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("PORT", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains("serial:" + ports[1].ByIdPath, lines[2], StringComparison.Ordinal);
        Assert.Contains("0403:6001", lines[2], StringComparison.Ordinal);
        Assert.Contains("PSP device 'lumbar-kit' id 000000000000beef fw 1.4.2", lines[2], StringComparison.Ordinal);
        Assert.Contains("no answer to IDENTIFY", lines[1], StringComparison.Ordinal);
        using var parsed = System.Text.Json.JsonDocument.Parse(json.ToArray());
        Assert.Equal(4, parsed.RootElement.GetArrayLength());
        Assert.Equal("2e8a", parsed.RootElement[0].GetProperty("usbVendorId").GetString());
        Assert.Equal("lumbar-kit", parsed.RootElement[1].GetProperty("hello").GetProperty("name").GetString());
    }

    [Fact]
    public void Listing_StripsControlCharactersFromWhatTheDeviceSays()
    {
        using var sys = new FakeSysfs();
        SerialPortInfo port = new SerialPortDiscovery(sys.SysRoot, sys.DevRoot).FindPorts()[1] with { Product = "UART\u001b[2J" };
        var hello = new HelloMessage(0xbeef, 1, 4, 2, 100, SensorMask.Both, "kit\u001b]0;owned\u0007");
        var table = new StringWriter();

        PortListing.WriteTable(table, [new PortListingEntry(port, null, hello)], probed: true);

        Assert.DoesNotContain(table.ToString(), c => char.IsControl(c) && c != '\n');
        Assert.Contains("PSP device 'kit]0;owned'", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("UART[2J", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FindPorts_WithoutSysfs_IsEmpty()
    {
        using var dir = new TempDirectory();

        var discovery = new SerialPortDiscovery(dir.Sub("sys"), dir.Sub("dev"));

        Assert.Empty(discovery.FindPorts());
        Assert.Contains("no serial ports were found", discovery.DescribePorts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoProbe_PicksThePortWhoseDeviceAnswersIdentify()
    {
        using var dir = new TempDirectory();
        await using var silent = TestPty.Create(dir.Sub("silent"));
        await using var sensor = TestPty.Create(dir.Sub("sensor"));
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
        await using var silent = TestPty.Create(dir.Sub("silent"));
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
        var connector = new AutoSerialConnector(115200, new SerialPortDiscovery(dir.Sub("sys"), dir.Sub("dev")));

        var error = await Assert.ThrowsAsync<SourceOpenException>(() => connector.ConnectAsync(CancellationToken.None));

        Assert.Equal(SourceOpenFailure.NotFound, error.Failure);
        Assert.Contains("serial:auto: no serial ports were found", error.Message, StringComparison.Ordinal);
    }
}
