using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Reports;

/// <summary>
/// A temporary SQLite store written through the real <see cref="SqliteStore"/> and read back by the real
/// <see cref="SqliteTrendQueries"/>, so a report is built from what a store really answers.
/// </summary>
internal sealed class ReportStore : IDisposable
{
    private readonly TempDirectory folder = new("posturestream-report-");

    private ReportStore()
    {
    }

    public string Path => folder.Sub("report.db");

    /// <summary>The real trend queries over the store.</summary>
    public ITrendQueries Queries => SqliteTrendQueries.Open(Path);

    /// <summary>A store holding what <paramref name="write"/> writes (nothing: an empty store), flushed to disk.</summary>
    public static async Task<ReportStore> WriteAsync(Action<SqliteStore> write)
    {
        var store = new ReportStore();
        await using var sqlite = SqliteStore.Open(new SqliteStoreOptions { Path = store.Path });
        write(sqlite);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await sqlite.FlushAsync(deadline.Token);
        return store;
    }

    public void Dispose() => folder.Dispose();
}
