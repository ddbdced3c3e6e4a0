namespace PostureStream.Cli.Run;

/// <summary>
/// The pipelines of a run, PSP devices and wearers alike. The dashboard is up before they are built, so its
/// calibrate and snooze requests look devices up on request threads while <c>run</c> may still be adding pipelines.
/// </summary>
internal sealed class PipelineSet
{
    private readonly Lock _gate = new();
    private readonly List<ILivePipeline> _pipelines = [];

    public void Add(ILivePipeline pipeline)
    {
        lock (_gate)
        {
            _pipelines.Add(pipeline);
        }
    }

    /// <summary>The pipeline of the device with this 16-hex-digit id (any case), or null when none has identified as it.</summary>
    public ILivePipeline? Find(string deviceIdHex)
    {
        lock (_gate)
        {
            return _pipelines.Find(p => string.Equals(p.DeviceIdHex, deviceIdHex, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>A copy of the PSP devices' pipelines, safe to enumerate while others add.</summary>
    public IReadOnlyList<DevicePipeline> Snapshot()
    {
        lock (_gate)
        {
            return [.. _pipelines.OfType<DevicePipeline>()];
        }
    }
}
