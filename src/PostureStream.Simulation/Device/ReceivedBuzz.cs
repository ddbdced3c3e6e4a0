using PostureStream.Protocol;

namespace PostureStream.Simulation.Device;

/// <summary>A BUZZ the virtual device acted on (repeats of the same seq are not recorded twice).</summary>
/// <param name="DeviceMicroseconds">Unwrapped device time when it arrived (start tick + elapsed ticks), comparable with the truth's alert times.</param>
public sealed record ReceivedBuzz(ushort Seq, BuzzPattern Pattern, ushort DurationMilliseconds, byte Intensity, long DeviceMicroseconds, uint Tick);
