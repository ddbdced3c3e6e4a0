using PostureStream.Protocol;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>A short PSP stream as a wearer sends it: HELLO, STATUS, then SAMPLES frames of 16 samples at 100 Hz.</summary>
internal static class WearerFrames
{
    public static List<byte[]> Build(int samplesFrames, ushort firstSeq = 0)
    {
        ushort seq = firstSeq;
        var frames = new List<byte[]>
        {
            PspEncoder.Encode(new HelloMessage(0x00C0FFEE00000001, 1, 0, 0, 100, SensorMask.Both, "PostureStream A") { Seq = seq++ }),
            PspEncoder.Encode(new StatusMessage(3950, 91, 2870, StatusFlags.None) { Seq = seq++ }),
        };
        uint tick = 10_000;
        for (int f = 0; f < samplesFrames; f++)
        {
            var samples = new Sample[PspLayout.MaxSamplesPerFrame];
            for (int i = 0; i < samples.Length; i++, tick += 10_000)
            {
                short angle = (short)((f * 37) + (i * 11) - 300);
                samples[i] = new Sample(tick, angle, (short)-angle, (short)(angle + 1500), 0);
            }

            frames.Add(PspEncoder.Encode(new SamplesMessage(samples) { Seq = seq++ }));
        }

        return frames;
    }

    /// <summary>The stream cut at awkward places: 1 byte, 7, the 20-byte ATT default, a frame's length ±1, …</summary>
    public static List<byte[]> Notifications(IEnumerable<byte[]> frames)
    {
        byte[] stream = frames.SelectMany(f => f).ToArray();
        int[] sizes = [1, 7, 20, 2, 19, 244, 3, 200, 20, 5];
        var chunks = new List<byte[]>();
        for (int at = 0, i = 0; at < stream.Length; i++)
        {
            int size = Math.Min(sizes[i % sizes.Length], stream.Length - at);
            chunks.Add(stream.AsSpan(at, size).ToArray());
            at += size;
        }

        return chunks;
    }
}
