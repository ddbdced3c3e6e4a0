using System.Runtime.InteropServices;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Vocabulary;

namespace PostureStream.Devices.Tests.Support;

/// <summary>
/// A pipe(2) whose read end is a <see cref="FileDescriptorLink"/>: unlike a PTY (whose bytes reach the reader's
/// queue a moment after the write, through the kernel's flip buffer), a pipe's FIONREAD counts every byte written
/// and not yet read, so a test knows exactly when the link's reader thread has taken what it wrote.
/// </summary>
internal sealed partial class TestPipe : ILinkConnector, IDisposable
{
    private const nuint Fionread = 0x541B;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;

    private readonly FileDescriptorHandle _readEnd;
    private readonly FileDescriptorHandle _writeEnd;
    private readonly TimeProvider _time;

    public TestPipe(TimeProvider time)
    {
        int[] ends = new int[2];
        if (Pipe2(ends, ONonBlock | OCloExec) != 0)
        {
            throw new IOException($"pipe2 failed: errno {Marshal.GetLastPInvokeError()}");
        }

        (_readEnd, _writeEnd, _time) = (new FileDescriptorHandle(ends[0]), new FileDescriptorHandle(ends[1]), time);
    }

    public Transport Transport => Transport.Serial;

    public string Description => "test pipe";

    public bool AcceptsCommands => false;

    public bool Reconnects => false;

    /// <summary>The one link over the read end, stamping with the test's clock.</summary>
    public Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IDeviceLink>(new FileDescriptorLink(_readEnd, Description, time: _time));

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (Write((int)_writeEnd.DangerousGetHandle(), bytes.ToArray(), bytes.Length) != bytes.Length)
        {
            throw new IOException($"write to the pipe failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Completes once the link's reader has taken every byte written (nothing left in the pipe).</summary>
    public async Task UntilTakenAsync()
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        while (Unread() > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), timeout.Token);
        }
    }

    public void Dispose() => _writeEnd.Dispose();

    private int Unread()
    {
        int count = 0;
        return Ioctl((int)_readEnd.DangerousGetHandle(), Fionread, ref count) == 0 ? count : throw new IOException($"FIONREAD failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2([Out] int[] ends, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, byte[] bytes, nint count);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, ref int count);
}
