using PostureStream.Protocol;
using Protocol = PostureStream.Protocol;

namespace PostureStream.Testing;

/// <summary>Builds decoded PSP messages for tests: sample batches from angle functions, HELLO, STATUS and EVENT.</summary>
public static class PspMessageBuilder
{
    /// <summary>A raw angle in 0.01° from degrees (NaN → −32768, "not available").</summary>
    public static short Centi(double degrees) => double.IsNaN(degrees) ? Protocol.Sample.NotAvailable : checked((short)Math.Round(degrees * 100));

    public static Protocol.Sample Sample(uint tick, double lumbarPitch, double lumbarRoll, double pelvisPitch, double pelvisRoll) =>
        new(tick, Centi(lumbarPitch), Centi(lumbarRoll), Centi(pelvisPitch), Centi(pelvisRoll));

    /// <summary>One SAMPLES message of ticks <paramref name="ticks"/> and angles from <paramref name="angles"/>(tick).</summary>
    public static SamplesMessage Samples(IEnumerable<uint> ticks, Func<uint, (double LumbarPitch, double LumbarRoll, double PelvisPitch, double PelvisRoll)> angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        return new SamplesMessage([.. ticks.Select(t =>
        {
            var a = angles(t);
            return Sample(t, a.LumbarPitch, a.LumbarRoll, a.PelvisPitch, a.PelvisRoll);
        })]);
    }

    /// <summary>
    /// A stream of SAMPLES messages: <paramref name="count"/> samples every <paramref name="periodMicroseconds"/>
    /// from <paramref name="firstTick"/> (u32 arithmetic, so it wraps), <paramref name="batch"/> per message.
    /// </summary>
    public static IEnumerable<SamplesMessage> Batches(
        uint firstTick,
        int count,
        uint periodMicroseconds,
        int batch,
        Func<int, (double LumbarPitch, double LumbarRoll, double PelvisPitch, double PelvisRoll)> angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        for (int start = 0; start < count; start += batch)
        {
            int n = Math.Min(batch, count - start);
            var samples = new Protocol.Sample[n];
            for (int i = 0; i < n; i++)
            {
                int index = start + i;
                var a = angles(index);
                samples[i] = Sample(unchecked(firstTick + ((uint)index * periodMicroseconds)), a.LumbarPitch, a.LumbarRoll, a.PelvisPitch, a.PelvisRoll);
            }

            yield return new SamplesMessage(samples);
        }
    }

    public static HelloMessage Hello(ulong deviceId = 0x0123456789abcdef, ushort sampleRateHz = 100, SensorMask sensors = SensorMask.Both, string name = "test") =>
        new(deviceId, 1, 0, 0, sampleRateHz, sensors, name);

    public static StatusMessage Status(StatusFlags flags = StatusFlags.None) => new(3900, 80, 2500, flags);

    public static EventMessage Event(uint tick, DeviceEventCode code) => new(tick, code, 0);
}
