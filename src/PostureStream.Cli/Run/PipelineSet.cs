namespace PostureStream.Cli.Run;

/// <summary>
/// The pipelines of a run. The dashboard is up before they are built, so its calibrate and snooze
/// requests look devices up on request threads while <c>run</c> may still be adding pipelines.
/// </summary>
internal sealed class PipelineSet
{
    private readonly Lock _gate = new();
    private readonly List<DevicePipeline> _pipelines = [];

    public void Add(DevicePipeline pipeline)
    {
        lock (_gate)
        {
            _pipelines.Add(pipeline);
        }
    }

    /// <summary>The pipeline of the device with this 16-hex-digit id, or null when none has identified as it.</summary>
    public DevicePipeline? Find(string deviceIdHex)
    {
        lock (_gate)
        {
            return _pipelines.Find(p => p.DeviceIdHex == deviceIdHex);
        }
    }

    /// <summary>A copy, safe to enumerate while others add.</summary>
    public IReadOnlyList<DevicePipeline> Snapshot()
    {
        lock (_gate)
        {
            return [.. _pipelines];
        }
    }
}
