using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// What retention (<c>retention_days</c>) deletes. Everything older than the cutoff, except what a physiotherapist's
/// review needs for ever: programmes and their sessions, and — for the measurements the analysis reads (per-minute
/// summaries, bends, neutrals) — the points of a programme's wearer from <see cref="BaselineDays"/> before its start to
/// its end (or for ever while it has none), so the before/after comparison can always be made again. A day of margin
/// on each side covers any time zone's local dates. The raw <c>posture</c> points and the rest are never exempt.
/// </summary>
internal static class SqliteRetention
{
    /// <summary>The baseline the effects compare against (the analysis's default), plus a day of margin.</summary>
    public const int BaselineDays = 28 + 1;

    private const long NanosecondsPerDay = 86_400L * 1_000_000_000L;

    /// <summary>The measurements kept around each programme because the analysis reads them.</summary>
    public static IReadOnlyList<MeasurementDefinition> AnalysisInputs { get; } =
        [StorageSchema.PostureSummary, StorageSchema.PostureBend, StorageSchema.PostureNeutral];

    /// <summary>One DELETE per measurement retention touches (parameter <c>$cutoff</c>, ns since the epoch).</summary>
    public static IEnumerable<string> Deletes()
    {
        foreach (var measurement in StorageSchema.All)
        {
            if (StorageSchema.ProgrammeRecords.Contains(measurement))
            {
                continue;
            }

            string rows = SqliteSchema.Quote(SqliteSchema.RowsTable(measurement));
            yield return AnalysisInputs.Contains(measurement)
                ? $"DELETE FROM {rows} AS r WHERE r.time_ns < $cutoff AND NOT ({InProgrammeWindow("r")})"
                : $"DELETE FROM {rows} WHERE time_ns < $cutoff";
        }
    }

    /// <summary>Series whose newest point is older than the cutoff and that have no kept point left.</summary>
    public static string DeleteEmptySeries() =>
        $"DELETE FROM {SqliteSchema.SeriesTable} WHERE last_ns < $cutoff"
        + string.Concat(AnalysisInputs.Concat(StorageSchema.ProgrammeRecords).Select(m =>
            $" AND NOT EXISTS (SELECT 1 FROM {SqliteSchema.Quote(SqliteSchema.RowsTable(m))} AS k WHERE k.series = {SqliteSchema.SeriesTable}.id)"));

    /// <summary>True for a row of <paramref name="alias"/> inside a programme window of the same device id.</summary>
    private static string InProgrammeWindow(string alias) => $"""
        EXISTS (SELECT 1 FROM {SqliteSchema.Quote(SqliteSchema.RowsTable(StorageSchema.Programme))} AS p
          JOIN series AS ps ON ps.id = p.series
          JOIN series AS rs ON rs.id = {alias}.series
          WHERE ps.device_id = rs.device_id
            AND {alias}.time_ns >= p.time_ns - {BaselineDays * NanosecondsPerDay}
            AND (p.end_date IS NULL OR {alias}.time_ns < CAST(strftime('%s', p.end_date) AS INTEGER) * 1000000000 + {2 * NanosecondsPerDay}))
        """;
}
