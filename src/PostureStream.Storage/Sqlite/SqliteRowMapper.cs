using System.Runtime.CompilerServices;
using System.Text;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Turns point records into <see cref="SqliteRow"/>s (the disk queue's and the low-volume
/// measurements' form) through <see cref="IStoredPoint.VisitFields{TVisitor}"/>, so the field order
/// is the schema's and no list of fields is kept here. Non-finite floats become NULL (as InfluxDB
/// drops them); the device name is stored as InfluxDB would hold it
/// (<see cref="LineProtocolEscaper.Sanitize"/>) so both stores answer alike.
/// </summary>
internal static class SqliteRowMapper
{
    private static readonly ConditionalWeakTable<DeviceSeries, string> StoredNames = new();

    /// <summary>True when the point has a field to store (a point whose fields are all NaN is dropped, as InfluxDB would).</summary>
    public static bool HasField<T>(in T point)
        where T : struct, IStoredPoint
    {
        var probe = new PresenceProbe();
        point.VisitFields(ref probe);
        return probe.Any;
    }

    /// <summary>The row for a point (allocates: for the disk queue and the measurements written a few times a minute).</summary>
    public static SqliteRow Map<T>(in T point)
        where T : struct, IStoredPoint
    {
        var collector = new FieldCollector(new object?[point.Measurement.Fields.Count]);
        point.VisitFields(ref collector);
        var keys = point.Measurement.TagKeys;
        string[] tags = new string[keys.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = keys[i] switch
            {
                Schema.StorageSchema.DeviceTag => StoredName(point.Device),
                Schema.StorageSchema.DeviceIdTag => point.Device.DeviceIdHex,
                Schema.StorageSchema.SegmentTag => point.Segment is { } segment ? VocabularyText.ToText(segment) : string.Empty,
                _ => point.SeriesTag ?? string.Empty,
            };
        }

        return new SqliteRow(point.Measurement, ToUnixNanoseconds(point.TimeUtc), tags, collector.Fields);
    }

    public static long ToUnixNanoseconds(DateTime timeUtc) => (timeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public static DateTime FromUnixNanoseconds(long nanoseconds) =>
        new(DateTime.UnixEpoch.Ticks + Math.DivRem(nanoseconds, 100, out long rest) - (rest < 0 ? 1 : 0), DateTimeKind.Utc);

    private static string StoredName(DeviceSeries device) =>
        StoredNames.GetValue(device, d => LineProtocolEscaper.Sanitize(d.Name));

    private struct PresenceProbe : IFieldVisitor
    {
        public bool Any;

        public void Float(double value) => Any |= double.IsFinite(value);

        public void Integer(long value) => Any = true;

        public void Absent()
        {
        }

        public void Text(ReadOnlySpan<byte> utf8) => Any = true;

        public void Boolean(bool value) => Any = true;
    }

    /// <summary>Field values as the row holds them: double, long (booleans 0/1), string, or null when not written.</summary>
    private struct FieldCollector(object?[] fields) : IFieldVisitor
    {
        private int _index;

        public readonly object?[] Fields => fields;

        public void Float(double value) => fields[_index++] = double.IsFinite(value) ? value : null;

        public void Integer(long value) => fields[_index++] = value;

        public void Absent() => fields[_index++] = null;

        public void Text(ReadOnlySpan<byte> utf8) => fields[_index++] = Encoding.UTF8.GetString(utf8);

        public void Boolean(bool value) => fields[_index++] = value ? 1L : 0L;
    }
}
