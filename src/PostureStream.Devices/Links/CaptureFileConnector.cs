using System.Runtime.InteropServices;
using PostureStream.Devices.Serial;
using PostureStream.Devices.Sources;

namespace PostureStream.Devices.Links;

/// <summary>
/// A capture file (or a named pipe a capture is written into) as a source: read once, paced by its SAMPLES
/// ticks, no commands, no reconnects.
/// </summary>
public sealed class CaptureFileConnector : ILinkConnector
{
    private readonly TimeProvider _time;

    public CaptureFileConnector(string path, ReplaySpeed speed, TimeProvider? time = null)
    {
        Path = path;
        Speed = speed;
        _time = time ?? TimeProvider.System;
    }

    public string Path { get; }

    public ReplaySpeed Speed { get; }

    public Transport Transport => Transport.File;

    public string Description => Path;

    public bool AcceptsCommands => false;

    public bool Reconnects => false;

    public Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        // Elsewhere a named pipe is read as a plain stream: it stops when its writer closes it.
        if (OperatingSystem.IsLinux() && SerialNative.IsNamedPipe(Path))
        {
            return Task.FromResult<IDeviceLink>(new CaptureFileLink(OpenNamedPipe(), Speed, _time));
        }

        FileStream file;
        try
        {
            file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourceOpenException(SourceOpenFailure.NotFound, $"capture file '{Path}' does not exist; give the path of a PSP capture (as written by record= or 'simulate --out file:')");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceOpenException(SourceOpenFailure.PermissionDenied, $"cannot read capture file '{Path}': {e.Message}");
        }

        return Task.FromResult<IDeviceLink>(new CaptureFileLink(new StreamReadLink(file), Speed, _time));
    }

    /// <summary>
    /// A FileStream would block in its constructor until a writer opens the pipe, and in its reads while the
    /// writer is idle, where no cancellation reaches it. Opened non-blocking and polled instead, the session's
    /// stop (SIGTERM) ends it at once; the writer closing is the end of the source.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private FileDescriptorLink OpenNamedPipe()
    {
        int fd = SerialNative.Open(Path, SerialNative.O_RDONLY | SerialNative.O_NONBLOCK | SerialNative.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno == Errno.ENOENT
                ? new SourceOpenException(SourceOpenFailure.NotFound, $"named pipe '{Path}' does not exist")
                : new SourceOpenException(SourceOpenFailure.PermissionDenied, $"cannot read named pipe '{Path}': {Errno.Describe(errno)}");
        }

        return new FileDescriptorLink(new FileDescriptorHandle(fd), Path, finite: true);
    }
}
