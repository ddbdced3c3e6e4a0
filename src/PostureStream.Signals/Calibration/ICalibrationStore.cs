namespace PostureStream.Signals;

/// <summary>
/// Where neutrals are kept per device id across restarts. Called on the pipeline's thread, rarely (when a
/// device is first seen, and when a neutral is taken or goes stale), so it is synchronous. Implementations
/// must not throw for unreadable data: a corrupt entry reads as none.
/// </summary>
public interface ICalibrationStore
{
    /// <summary>The stored record of <paramref name="deviceId"/>, or null.</summary>
    CalibrationRecord? Load(ulong deviceId);

    /// <summary>Replaces the stored record of <see cref="CalibrationRecord.DeviceId"/>.</summary>
    void Save(CalibrationRecord record);
}
