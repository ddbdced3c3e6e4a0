using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Export;

/// <summary>
/// One stored point as read back from a store: its measurement, time (nanoseconds since the Unix
/// epoch, UTC), tag values in the measurement's tag-key order (empty when absent) and field values
/// in its field order: double, long, string or bool, or null when the point did not have that field.
/// </summary>
public sealed record StoredRow(MeasurementDefinition Measurement, long UnixNanoseconds, IReadOnlyList<string> Tags, IReadOnlyList<object?> Fields);
