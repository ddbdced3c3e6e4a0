using System.Runtime.CompilerServices;
using PostureStream.Devices.Links;
using PostureStream.Devices.Sources;

namespace PostureStream.Devices.WitMotion;

/// <summary>
/// Replays a timed capture (<see cref="WitMotionCapture"/>): the same reads, losses and restorations with their
/// recorded arrival times, so the readings downstream are the same as live. <c>speed=max</c> (default) feeds them
/// as fast as asked; <c>realtime</c> or N paces them by their arrival times on the <see cref="TimeProvider"/>.
/// Sends no commands and does not reconnect; the end of the file ends the source.
/// </summary>
public sealed class WitMotionCaptureSource : IWitMotionByteSource
{
    private readonly ReplaySpeed _speed;
    private readonly TimeProvider _time;
    private FileStream? _file;

    public WitMotionCaptureSource(string path, ReplaySpeed speed, TimeProvider? time = null)
    {
        Path = path;
        _speed = speed;
        _time = time ?? TimeProvider.System;
    }

    public string Path { get; }

    public WitMotionFraming Framing { get; private set; }

    public Transport Transport => Transport.File;

    public string Description => "file:" + Path;

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            _file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
            Framing = WitMotionCapture.ReadHeader(_file, Path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourceOpenException(SourceOpenFailure.NotFound, $"timed capture '{Path}' does not exist; give the path of a file written by record=");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SourceOpenException(SourceOpenFailure.Other, $"cannot read timed capture '{Path}': {e.Message}");
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<WitMotionChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream file = _file ?? throw new InvalidOperationException("open the capture first");
        long? firstArrival = null;
        long startTimestamp = _time.GetTimestamp();
        while (await WitMotionCapture.ReadRecordAsync(file, cancellationToken) is { } chunk)
        {
            firstArrival ??= chunk.ArrivalMicroseconds;
            if (!_speed.IsMax)
            {
                TimeSpan due = TimeSpan.FromMicroseconds((chunk.ArrivalMicroseconds - firstArrival.Value) / _speed.Factor) - _time.GetElapsedTime(startTimestamp);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, _time, cancellationToken);
                }
            }

            yield return chunk;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a capture takes no commands");

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
