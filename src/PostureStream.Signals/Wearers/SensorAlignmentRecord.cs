namespace PostureStream.Signals.Wearers;

/// <summary>One sensor's stored alignment (<see cref="SensorAlignmentStore"/>).</summary>
/// <param name="SensorKey">What identifies the sensor (<see cref="WearerIdentity"/>).</param>
/// <param name="Alignment">Its neutral up direction and mediolateral axis, sensor frame.</param>
/// <param name="TakenAt">When the functional calibration found it.</param>
/// <param name="Stale">True once the sensor looks re-attached: a new functional calibration is asked for (the old one is still used).</param>
public sealed record SensorAlignmentRecord(string SensorKey, SensorAlignment Alignment, DateTimeOffset TakenAt, bool Stale);
