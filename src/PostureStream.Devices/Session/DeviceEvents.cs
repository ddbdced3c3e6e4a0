using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>What a device session tells downstream, in order. <see cref="At"/> is the arrival (or event) time in UTC.</summary>
public abstract record DeviceEvent(DateTimeOffset At);

/// <summary>
/// The device's identity became known (HELLO) or was defaulted after the HELLO hold, or a later HELLO
/// changed it. Always comes before the first <see cref="SamplesReceived"/> or <see cref="RawSamplesReceived"/>.
/// </summary>
public sealed record DeviceIdentified(SessionIdentity Identity, DateTimeOffset At) : DeviceEvent(At);

/// <summary>One whole SAMPLES frame (1–16 samples), never split.</summary>
public sealed record SamplesReceived(SamplesMessage Frame, DateTimeOffset At) : DeviceEvent(At);

/// <summary>One whole RAW frame (1–8 samples of raw IMU readings, for host fusion), never split.</summary>
public sealed record RawSamplesReceived(RawMessage Frame, DateTimeOffset At) : DeviceEvent(At);

/// <summary>STATUS, EVENT and ACK frames (and any other frame but SAMPLES, RAW and HELLO).</summary>
public sealed record MessageReceived(PspMessage Message, DateTimeOffset At) : DeviceEvent(At);

/// <summary>The link broke: a gap starts here. The decoder's partial frame and seq reference are dropped.</summary>
public sealed record LinkLost(string Reason, DateTimeOffset At) : DeviceEvent(At);

/// <summary>The link was reopened; the same device's stream continues. <see cref="Reconnects"/> counts them since start.</summary>
public sealed record LinkRestored(int Reconnects, DateTimeOffset At) : DeviceEvent(At);

/// <summary>Counts for one link_stats interval (Storage README, schema).</summary>
public sealed record LinkStatsReported(LinkStats Stats, DateTimeOffset At) : DeviceEvent(At);
