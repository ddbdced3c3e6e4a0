using PostureStream.Signals;
using PostureStream.Simulation;
using PostureStream.Simulation.Physiology;

namespace PostureStream.Evaluation.Throughput;

/// <summary>
/// A simulated device's bytes cut into the frames a link would deliver one at a time: the capture's
/// HELLO, then its frames from <c>offset</c> for <c>duration</c>, and the wearer's true neutrals
/// (stored as if calibrated, so every device runs the whole detection from its first sample).
/// </summary>
internal sealed class DeviceStream
{
    private DeviceStream(ulong deviceId, CalibrationRecord calibration, List<ReadOnlyMemory<byte>> frames, long samples)
    {
        DeviceId = deviceId;
        Calibration = calibration;
        Frames = frames;
        Samples = samples;
    }

    public ulong DeviceId { get; }

    public CalibrationRecord Calibration { get; }

    /// <summary>One PSP frame each, delimiter included; the first is HELLO.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Frames { get; }

    /// <summary>Samples in <see cref="Frames"/>, from the plan's sample rate.</summary>
    public long Samples { get; }

    /// <summary>A capture cut at its frame delimiters.</summary>
    public static List<ReadOnlyMemory<byte>> Split(byte[] capture)
    {
        var frames = new List<ReadOnlyMemory<byte>>();
        int start = 0;
        for (int end = Array.IndexOf(capture, (byte)0); end >= 0; end = Array.IndexOf(capture, (byte)0, start))
        {
            frames.Add(capture.AsMemory(start, end + 1 - start));
            start = end + 1;
        }

        return frames;
    }

    /// <param name="all">The capture's frames (<see cref="Split"/>), HELLO first.</param>
    public static DeviceStream Cut(SimulationPlan plan, List<ReadOnlyMemory<byte>> all, TimeSpan offset, TimeSpan duration)
    {
        double framesPerSecond = plan.Device.SampleRateHz / (double)plan.Device.SamplesPerFrame;
        int first = Math.Clamp(1 + (int)(offset.TotalSeconds * framesPerSecond), 1, all.Count - 1);
        int count = Math.Min(all.Count - first, (int)(duration.TotalSeconds * framesPerSecond));
        List<ReadOnlyMemory<byte>> frames = [all[0], .. all.GetRange(first, count)];
        var taken = DateTimeOffset.UnixEpoch;
        var record = new CalibrationRecord(
            plan.DeviceId,
            new Neutral(Angles(plan.Anatomy.StandingNeutral), taken, CalibrationSource.Command),
            new Neutral(Angles(plan.Anatomy.SittingNeutral), taken, CalibrationSource.Command),
            StaleReason.None);
        return new DeviceStream(plan.DeviceId, record, frames, (long)count * plan.Device.SamplesPerFrame);
    }

    private static SensorAngles Angles(PostureAngles a) => new(a.LumbarPitch, a.LumbarRoll, a.PelvisPitch, a.PelvisRoll);
}
