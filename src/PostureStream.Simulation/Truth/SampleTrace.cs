using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Truth;

/// <summary>One sample's truth: when, what the wearer did, the segments' true angles and the sensors' (as mounted).</summary>
/// <param name="DeviceMicroseconds">Unwrapped device time (start tick + elapsed ticks), as the truth file counts it.</param>
/// <param name="Segment">Index of the scenario segment.</param>
/// <param name="Clean">The segments' intended angles: the ground truth.</param>
/// <param name="Mounted">The angles of the sensors as mounted (psp-raw: turned by each IMU's mounting rotation; psp-angles: the clean ones).</param>
public readonly record struct TracedSample(long DeviceMicroseconds, Activity Activity, int Segment, PostureAngles Clean, PostureAngles Mounted);

/// <summary>One frame the device sends, whether the link loses it, and the truth of its samples (empty for STATUS and EVENT).</summary>
public sealed record TracedFrame(PspMessage Message, bool Dropped, IReadOnlyList<TracedSample> Samples);

/// <summary>
/// The device's frames with the truth of every sample, in order, for harnesses that score a stage sample by sample
/// (the fusion evaluation): what <see cref="GroundTruth"/> and the capture are computed from.
/// </summary>
public static class SampleTrace
{
    public static IEnumerable<TracedFrame> Frames(SimulationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (DeviceItem item in new FrameGenerator(plan).Generate(withTruth: true))
        {
            FrameTruth? truth = item.Truth;
            var samples = new TracedSample[truth?.DeviceMicroseconds.Length ?? 0];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = new TracedSample(truth!.DeviceMicroseconds[i], truth.Activities[i], truth.Segments[i], truth.Clean[i], truth.Mounted[i]);
            }

            yield return new TracedFrame(item.Message, item.Dropped, samples);
        }
    }
}
