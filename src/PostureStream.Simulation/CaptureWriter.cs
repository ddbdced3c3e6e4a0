using System.Buffers;
using PostureStream.Simulation.Device;

namespace PostureStream.Simulation;

/// <summary>What a capture run produced.</summary>
public readonly record struct CaptureSummary(long Frames, long LostFrames, long Samples, long Bytes);

/// <summary>
/// Writes a whole scenario as a PSP capture, as fast as possible: the bytes a host would have received
/// from a device that was sent IDENTIFY and START — HELLO first, then the stream.
/// </summary>
public static class CaptureWriter
{
    public static async Task<CaptureSummary> WriteAsync(SimulationPlan plan, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var emitter = new DeviceEmitter(plan.Device.CorruptionRate, SeedMixer.Create(plan.Seed, SeedMixer.Corruption));
        emitter.Emit(plan.Hello, lost: false, buffer);
        long samples = 0;
        long bytes = 0;
        foreach (DeviceItem item in new FrameGenerator(plan).Generate())
        {
            emitter.Emit(item.Message, item.Dropped, buffer);
            if (!item.Dropped)
            {
                samples += item.Message switch
                {
                    Protocol.SamplesMessage s => s.Samples.Length,
                    Protocol.RawMessage r => r.Samples.Length,
                    _ => 0,
                };
            }

            if (buffer.WrittenCount >= 1 << 15)
            {
                bytes += buffer.WrittenCount;
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        bytes += buffer.WrittenCount;
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return new CaptureSummary(emitter.FramesSent, emitter.FramesLost, samples, bytes);
    }

    /// <summary>The capture as one array (tests, small scenarios).</summary>
    public static byte[] ToArray(SimulationPlan plan)
    {
        using var memory = new MemoryStream();
        WriteAsync(plan, memory, CancellationToken.None).GetAwaiter().GetResult();
        return memory.ToArray();
    }
}
