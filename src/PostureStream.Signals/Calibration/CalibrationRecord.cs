namespace PostureStream.Signals;

/// <summary>What is stored per device id (<see cref="ICalibrationStore"/>): its neutrals and whether they are stale.</summary>
/// <param name="DeviceId">The HELLO device id (0 for a device that never sent one).</param>
/// <param name="Standing">The standing neutral, or null when none was taken.</param>
/// <param name="Sitting">A sitting neutral that was taken, or null (then the standing one shifted by the defaults is used).</param>
/// <param name="Stale">Why the neutrals are stale, or <see cref="StaleReason.None"/>.</param>
public sealed record CalibrationRecord(ulong DeviceId, Neutral? Standing, Neutral? Sitting, StaleReason Stale);
