using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Pipeline;

/// <summary>
/// Everything a <see cref="DeviceChain"/> puts out, synchronously, in order, on the thread that fed it (or on the
/// chain's scheduler for a silence): the detection outputs of <see cref="IDetectionSink"/> plus what a run needs
/// besides. Only the detection outputs must be implemented; the rest default to nothing, so a sink that only
/// stores can ignore them.
/// </summary>
public interface IDeviceChainSink : IDetectionSink
{
    /// <summary>A batch was conditioned (time, filters, calibration, angles); detection over it follows.</summary>
    void OnBatch(in ChainBatch batch)
    {
    }

    /// <summary>A status report, stamped with the last sample's UTC (or, before any on a live link, its arrival).</summary>
    void OnStatus(in DeviceStatus status, DateTime utc)
    {
    }

    /// <summary>A cue was acted on (snooze started, calibration asked for, neutrals marked stale).</summary>
    void OnCue(DeviceCue cue, long deviceMicroseconds, DateTime utc)
    {
    }

    /// <summary>The "session done" button (EVENT code 5): an exercise session of <paramref name="minutes"/> (0 = the host's default) ended now.</summary>
    void OnSessionDone(byte minutes, long deviceMicroseconds, DateTime utc)
    {
    }

    /// <summary>
    /// The live link delivered nothing for the silence timeout (10 s): open episodes were cleared and the partial
    /// minute flushed, as after a long gap. The next samples start afresh.
    /// </summary>
    void OnSilence(DateTime utc)
    {
    }

    /// <summary>The calibration loaded, waited for, took or marked stale a neutral.</summary>
    void OnCalibration(CalibrationNotice notice)
    {
    }
}
