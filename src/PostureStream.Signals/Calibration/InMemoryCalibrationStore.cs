using System.Collections.Concurrent;

namespace PostureStream.Signals;

/// <summary>Keeps neutrals for the life of the process only (simulations, benchmarks, tests).</summary>
public sealed class InMemoryCalibrationStore : ICalibrationStore
{
    private readonly ConcurrentDictionary<ulong, CalibrationRecord> records = new();

    public CalibrationRecord? Load(ulong deviceId) => records.TryGetValue(deviceId, out CalibrationRecord? r) ? r : null;

    public void Save(CalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        records[record.DeviceId] = record;
    }
}
