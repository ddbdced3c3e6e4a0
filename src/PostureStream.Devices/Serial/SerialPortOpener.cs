using System.Runtime.InteropServices;
using PostureStream.Devices.Discovery;
using PostureStream.Devices.Links;

namespace PostureStream.Devices.Serial;

/// <summary>
/// Opens a Linux serial port for PSP: exclusive (TIOCEXCL and flock), raw 8N1 without flow control, at a
/// standard rate through cfsetospeed or any other rate through termios2/BOTHER, with stale bytes flushed.
/// Every failure is a <see cref="SourceOpenException"/> that tells the user what to do.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static unsafe class SerialPortOpener
{
    /// <summary>Opens <paramref name="path"/> at <paramref name="baudRate"/> and starts reading it, stamping each read with <paramref name="time"/> (default the system clock).</summary>
    public static IDeviceLink Open(string path, int baudRate, SerialPortDiscovery? discovery = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (baudRate is <= 0 or > BaudRates.Maximum)
        {
            throw new SourceOpenException(SourceOpenFailure.UnsupportedBaudRate, $"baud rate {baudRate} is not supported; use one of {BaudRates.StandardList}");
        }

        discovery ??= new SerialPortDiscovery();
        int fd = SerialNative.Open(path, SerialNative.O_RDWR | SerialNative.O_NOCTTY | SerialNative.O_NONBLOCK | SerialNative.O_CLOEXEC);
        if (fd < 0)
        {
            throw OpenError(path, Marshal.GetLastPInvokeError(), discovery);
        }

        var handle = new FileDescriptorHandle(fd);
        try
        {
            Configure(fd, path, baudRate, discovery);
            return new FileDescriptorLink(handle, path, exclusive: true, time: time);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void Configure(int fd, string path, int baudRate, SerialPortDiscovery discovery)
    {
        SerialNative.Termios termios;
        if (SerialNative.TcGetAttr(fd, &termios) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno == Errno.ENOTTY
                ? new SourceOpenException(SourceOpenFailure.NotASerialPort, $"'{path}' is not a serial port (not a terminal device); give a port such as /dev/ttyUSB0, /dev/ttyACM0 or a /dev/serial/by-id/ link")
                : new SourceOpenException(SourceOpenFailure.Other, $"cannot read the settings of '{path}': {Errno.Describe(errno)}");
        }

        if (SerialNative.Ioctl(fd, SerialNative.TIOCEXCL, null) != 0 || SerialNative.Flock(fd, SerialNative.LOCK_EX | SerialNative.LOCK_NB) != 0)
        {
            throw Busy(path, discovery);
        }

        MakeRaw8N1(&termios);
        bool standard = BaudRates.TryGetConstant(baudRate, out uint constant);
        if (standard)
        {
            SerialNative.CfSetISpeed(&termios, constant);
            SerialNative.CfSetOSpeed(&termios, constant);
        }

        if (SerialNative.TcSetAttr(fd, SerialNative.TCSANOW, &termios) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno == Errno.EINVAL
                ? UnsupportedBaud(path, baudRate)
                : new SourceOpenException(SourceOpenFailure.Other, $"cannot configure '{path}': {Errno.Describe(errno)}");
        }

        if (!standard)
        {
            SetCustomBaud(fd, path, baudRate);
        }

        VerifyBaud(fd, path, baudRate);
        SerialNative.TcFlush(fd, SerialNative.TCIOFLUSH);
    }

    /// <summary>cfmakeraw, then 8 data bits, no parity, 1 stop bit, receiver on, modem lines and flow control off.</summary>
    internal static void MakeRaw8N1(SerialNative.Termios* termios)
    {
        SerialNative.CfMakeRaw(termios);
        termios->CFlag &= ~(SerialNative.CSIZE | SerialNative.PARENB | SerialNative.CSTOPB | SerialNative.CRTSCTS);
        termios->CFlag |= SerialNative.CS8 | SerialNative.CLOCAL | SerialNative.CREAD;
        termios->IFlag &= ~(SerialNative.IXON | SerialNative.IXOFF | SerialNative.IXANY);
        termios->ControlChars[SerialNative.VMIN] = 1;
        termios->ControlChars[SerialNative.VTIME] = 0;
    }

    private static void SetCustomBaud(int fd, string path, int baudRate)
    {
        SerialNative.Termios2 t2;
        if (SerialNative.Ioctl(fd, SerialNative.TCGETS2, &t2) != 0)
        {
            throw UnsupportedBaud(path, baudRate);
        }

        t2.CFlag &= ~(SerialNative.CBAUD | (SerialNative.CBAUD << SerialNative.IBSHIFT));
        t2.CFlag |= SerialNative.BOTHER | (SerialNative.BOTHER << SerialNative.IBSHIFT);
        t2.ISpeed = (uint)baudRate;
        t2.OSpeed = (uint)baudRate;
        if (SerialNative.Ioctl(fd, SerialNative.TCSETS2, &t2) != 0)
        {
            throw UnsupportedBaud(path, baudRate);
        }
    }

    /// <summary>Drivers may round a rate silently: accept what is within 2 % (what a UART tolerates), refuse the rest.</summary>
    private static void VerifyBaud(int fd, string path, int baudRate)
    {
        SerialNative.Termios2 t2;
        if (SerialNative.Ioctl(fd, SerialNative.TCGETS2, &t2) != 0 || t2.OSpeed == 0)
        {
            return; // the driver cannot report its rate; trust tcsetattr
        }

        if (Math.Abs((double)t2.OSpeed - baudRate) > baudRate * 0.02)
        {
            throw UnsupportedBaud(path, baudRate, $" (the driver set {t2.OSpeed})");
        }
    }

    /// <summary>Null when this user may read and write <paramref name="path"/>; otherwise why not and how to fix it.</summary>
    public static string? CheckAccess(string path) =>
        SerialNative.Access(path, SerialNative.R_OK | SerialNative.W_OK) == 0 || Marshal.GetLastPInvokeError() is not (Errno.EACCES or Errno.EPERM)
            ? null
            : PermissionMessage(path);

    internal static SourceOpenException OpenError(string path, int errno, SerialPortDiscovery discovery) => errno switch
    {
        Errno.ENOENT or Errno.ENOTDIR => new SourceOpenException(SourceOpenFailure.NotFound, $"serial port '{path}' does not exist; {discovery.DescribePorts()}"),
        Errno.EACCES or Errno.EPERM => new SourceOpenException(SourceOpenFailure.PermissionDenied, $"{PermissionMessage(path)}; {discovery.DescribePorts()}"),
        Errno.EBUSY => Busy(path, discovery),
        Errno.ENXIO or Errno.ENODEV or Errno.EIO => new SourceOpenException(SourceOpenFailure.NotFound, $"serial port '{path}' has no device behind it (unplugged?); {discovery.DescribePorts()}"),
        Errno.EISDIR => new SourceOpenException(SourceOpenFailure.NotASerialPort, $"'{path}' is a directory, not a serial port; {discovery.DescribePorts()}"),
        _ => new SourceOpenException(SourceOpenFailure.Other, $"cannot open serial port '{path}': {Errno.Describe(errno)}"),
    };

    internal static string PermissionMessage(string path)
    {
        uint? gid = SerialNative.GroupIdOf(path);
        string group = gid is null ? "dialout" : UnixGroups.NameOf(gid.Value) ?? $"gid {gid}";
        return $"permission denied opening '{path}': the port belongs to group '{group}'; add yourself to it " +
               $"('sudo usermod -aG {group} $USER', then log out and in again) or run with access to the port";
    }

    private static SourceOpenException Busy(string path, SerialPortDiscovery discovery) =>
        new(SourceOpenFailure.Busy, $"serial port '{path}' is held by another process (another posturestream, a terminal program or ModemManager?); close it and try again; {discovery.DescribePorts()}");

    private static SourceOpenException UnsupportedBaud(string path, int baudRate, string detail = "") =>
        new(SourceOpenFailure.UnsupportedBaudRate, $"baud rate {baudRate} is not supported by '{path}'{detail}; use one of {BaudRates.StandardList}");
}
