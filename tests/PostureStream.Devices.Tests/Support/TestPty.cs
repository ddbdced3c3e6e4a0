using System.Runtime.InteropServices;
using System.Text;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Tests.Support;

/// <summary>
/// A real pseudo-terminal pair from openpty(3), published at a symlink the way udev publishes
/// /dev/serial/by-id links. The test plays the device on the master side; the code under test opens the
/// link path as a serial port. <see cref="UnplugAsync"/> closes the master (the slave sees a hang-up, as on
/// a pulled cable); <see cref="Replug"/> makes a new PTY appear at the same path.
/// </summary>
internal sealed partial class TestPty : IAsyncDisposable
{
    private FileDescriptorHandle? _slaveHolder;

    private TestPty(string linkPath)
    {
        LinkPath = linkPath;
    }

    /// <summary>The symlink the code under test opens.</summary>
    public string LinkPath { get; }

    /// <summary>The /dev/pts/N the link points at now.</summary>
    public string SlavePath { get; private set; } = "";

    /// <summary>The device end: what the test writes here arrives at the serial port, and the reverse.</summary>
    public IDeviceLink Master { get; private set; } = null!;

    public static TestPty Create(string linkPath)
    {
        var pty = new TestPty(linkPath);
        pty.Replug();
        return pty;
    }

    /// <summary>Closes the master: the serial port on the other end is hung up.</summary>
    public async Task UnplugAsync()
    {
        await Master.DisposeAsync();
        _slaveHolder?.Dispose();
        _slaveHolder = null;
        File.Delete(LinkPath);
    }

    /// <summary>Opens a new PTY pair and points <see cref="LinkPath"/> at it.</summary>
    public void Replug()
    {
        if (OpenPty(out int master, out int slave, 0, 0, 0) != 0)
        {
            throw new IOException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var name = new byte[256];
        if (PtsNameR(master, name, name.Length) != 0)
        {
            throw new IOException($"ptsname_r failed: errno {Marshal.GetLastPInvokeError()}");
        }

        SlavePath = Encoding.UTF8.GetString(name, 0, Array.IndexOf(name, (byte)0));
        // Holding the slave open keeps the master from seeing a hang-up while the port under test is closed.
        _slaveHolder = new FileDescriptorHandle(slave);
        SetNonBlocking(master);
        Master = new FileDescriptorLink(new FileDescriptorHandle(master), "pty master");
        string temporary = LinkPath + ".new";
        File.Delete(temporary);
        File.CreateSymbolicLink(temporary, SlavePath);
        File.Move(temporary, LinkPath, overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Master.DisposeAsync();
        _slaveHolder?.Dispose();
        File.Delete(LinkPath);
    }

    private static void SetNonBlocking(int fd)
    {
        const int FGetFl = 3;
        const int FSetFl = 4;
        int flags = Fcntl(fd, FGetFl, 0);
        Fcntl(fd, FSetFl, flags | SerialNative.O_NONBLOCK);
    }

    [LibraryImport("libc", EntryPoint = "openpty", SetLastError = true)]
    private static partial int OpenPty(out int master, out int slave, nint name, nint termios, nint winsize);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static partial int PtsNameR(int fd, byte[] buffer, nint length);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);
}
