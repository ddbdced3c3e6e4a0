using PostureStream.Testing;

namespace PostureStream.Devices.Tests.Support;

/// <summary>
/// A small copy of the sysfs and /dev layout udev sees for a FTDI adapter (ttyUSB0), a CDC-ACM board
/// (ttyACM0), an on-board 16550 (ttyS0), an empty 8250 slot (ttyS1) and a virtual console (tty0).
/// </summary>
internal sealed class FakeSysfs : IDisposable
{
    private readonly TempDirectory _dir = new();

    public FakeSysfs()
    {
        string devices = Dir("sys/devices");
        string ftdi = Dir("sys/devices/pci0000:00/usb1/1-1");
        Attributes(ftdi, ("idVendor", "0403"), ("idProduct", "6001"), ("serial", "A10K7Q"), ("manufacturer", "FTDI"), ("product", "FT232R USB UART"));
        string ftdiPort = Dir("sys/devices/pci0000:00/usb1/1-1/1-1:1.0/ttyUSB0");
        Link(Path.Combine(ftdiPort, "driver"), Dir("sys/bus/usb-serial/drivers/ftdi_sio"));
        TtyClass("ttyUSB0", Dir("sys/devices/pci0000:00/usb1/1-1/1-1:1.0/ttyUSB0/tty/ttyUSB0"), ftdiPort);

        string pico = Dir("sys/devices/pci0000:00/usb1/1-2");
        Attributes(pico, ("idVendor", "2e8a"), ("idProduct", "000a"), ("manufacturer", "Raspberry Pi"), ("product", "Pico"));
        string acmInterface = Dir("sys/devices/pci0000:00/usb1/1-2/1-2:1.0");
        Link(Path.Combine(acmInterface, "driver"), Dir("sys/bus/usb/drivers/cdc_acm"));
        TtyClass("ttyACM0", Dir("sys/devices/pci0000:00/usb1/1-2/1-2:1.0/tty/ttyACM0"), acmInterface);

        string uart = Dir("sys/devices/platform/serial8250");
        Link(Path.Combine(uart, "driver"), Dir("sys/bus/platform/drivers/serial8250"));
        Attributes(TtyClass("ttyS0", Dir("sys/devices/platform/serial8250/tty/ttyS0"), uart), ("type", "4"));
        Attributes(TtyClass("ttyS1", Dir("sys/devices/platform/serial8250/tty/ttyS1"), uart), ("type", "0"));
        // Linux 6.5+: the UART is a "port" under a "ctrl" on the serial-base bus, below the hardware's own device.
        string pnp = Dir("sys/devices/pnp0/00:01");
        Link(Path.Combine(pnp, "driver"), Dir("sys/bus/pnp/drivers/serial"));
        Link(Path.Combine(Dir("sys/devices/pnp0/00:01/00:01:0"), "driver"), Dir("sys/bus/serial-base/drivers/ctrl"));
        string basePort = Dir("sys/devices/pnp0/00:01/00:01:0/00:01:0.0");
        Link(Path.Combine(basePort, "driver"), Dir("sys/bus/serial-base/drivers/port"));
        Attributes(TtyClass("ttyS2", Dir("sys/devices/pnp0/00:01/00:01:0/00:01:0.0/tty/ttyS2"), basePort), ("type", "4"));
        Link(Path.Combine(Dir("sys/class/tty"), "tty0"), Dir(Path.Combine(devices, "virtual/tty/tty0")));

        foreach (string node in (string[])["ttyUSB0", "ttyACM0", "ttyS0", "ttyS1", "ttyS2", "tty0"])
        {
            File.WriteAllText(Path.Combine(Dir("dev"), node), "");
        }

        Link(Path.Combine(Dir("dev/serial/by-id"), "usb-FTDI_FT232R_USB_UART_A10K7Q-if00-port0"), "../../ttyUSB0");
    }

    public string SysRoot => _dir.Sub("sys");

    public string DevRoot => _dir.Sub("dev");

    public void Dispose() => _dir.Dispose();

    private string TtyClass(string name, string classDir, string device)
    {
        Link(Path.Combine(classDir, "device"), device);
        Link(Path.Combine(Dir("sys/class/tty"), name), classDir);
        return classDir;
    }

    private string Dir(string relative) => Directory.CreateDirectory(Path.Combine(_dir.Path, relative)).FullName;

    private static void Link(string path, string target) => File.CreateSymbolicLink(path, target);

    private static void Attributes(string dir, params (string Name, string Value)[] attributes)
    {
        foreach ((string name, string value) in attributes)
        {
            File.WriteAllText(Path.Combine(dir, name), value + "\n");
        }
    }
}
