using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// One point as the columns of its table: tag values in the measurement's tag-key order ('' for an absent
/// segment) and field values in its field order (null = not written). Booleans are stored as 0/1.
/// </summary>
internal readonly record struct SqliteRow(MeasurementDefinition Measurement, long UnixNanoseconds, string[] Tags, object?[] Fields);
