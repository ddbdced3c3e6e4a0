using PostureStream.Devices.Sources;

namespace PostureStream.Devices.Links;

/// <summary>A capture file as a source: read once, paced by its SAMPLES ticks, no commands, no reconnects.</summary>
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

    public string Transport => "file";

    public string Description => Path;

    public bool AcceptsCommands => false;

    public bool Reconnects => false;

    public Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
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

        return Task.FromResult<IDeviceLink>(new CaptureFileLink(file, Speed, _time));
    }
}
