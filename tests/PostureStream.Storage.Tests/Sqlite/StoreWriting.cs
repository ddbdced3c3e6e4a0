using PostureStream.Storage.Export;
using PostureStream.Storage.Points;
using PostureStream.Storage.Stores;

namespace PostureStream.Storage.Tests.Sqlite;

/// <summary>Helpers for writing boxed sample points to any store and reading rows back.</summary>
internal static class StoreWriting
{
    public static bool Write(IPointStore store, IStoredPoint point) => point switch
    {
        PostureRecord r => store.Write(r),
        PostureAlertRecord r => store.Write(r),
        PostureSummaryRecord r => store.Write(r),
        PostureBendRecord r => store.Write(r),
        DeviceStatusRecord r => store.Write(r),
        LinkStatsRecord r => store.Write(r),
        PostureNeutralRecord r => store.Write(r),
        ProgrammeRecord r => store.Write(r),
        ProgrammeSessionRecord r => store.Write(r),
        _ => throw new ArgumentOutOfRangeException(nameof(point)),
    };

    public static async Task<List<StoredRow>> ReadAllAsync(IStoredPointSource source, DateTime fromUtc, DateTime toUtc)
    {
        var rows = new List<StoredRow>();
        await foreach (var page in source.ReadPagesAsync(fromUtc, toUtc, CancellationToken.None))
        {
            rows.AddRange(page);
        }

        return rows;
    }

    /// <summary>A row as comparable text: measurement, time, tags, and each present field with its CLR type.</summary>
    public static string Describe(StoredRow row)
    {
        var fields = row.Measurement.Fields
            .Select((f, i) => (f.Name, Value: row.Fields[i]))
            .Where(x => x.Value is not null)
            .Select(x => $"{x.Name}={x.Value switch { double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), _ => x.Value!.ToString() }}:{x.Value!.GetType().Name}");
        return $"{row.Measurement.Name} {row.UnixNanoseconds} [{string.Join(",", row.Tags)}] {string.Join(" ", fields)}";
    }

    /// <summary>The same text for what a store should hold for a point.</summary>
    public static string Describe(ExpectedPoint point)
    {
        var measurement = Schema.StorageSchema.Find(point.Measurement)!;
        var tags = measurement.TagKeys.Select(k => point.Tags.TryGetValue(k, out var v) ? v : string.Empty);
        var fields = measurement.Fields
            .Where(f => point.Fields.ContainsKey(f.Name))
            .Select(f => (f.Name, Value: point.Fields[f.Name]))
            .Where(x => x.Value is not double d || double.IsFinite(d))
            .Select(x => $"{x.Name}={x.Value switch { double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), _ => x.Value.ToString() }}:{x.Value.GetType().Name}");
        return $"{point.Measurement} {point.UnixNanoseconds} [{string.Join(",", tags)}] {string.Join(" ", fields)}";
    }
}
