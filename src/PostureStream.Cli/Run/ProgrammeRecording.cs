using PostureStream.Cli.Configuration;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Points;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Run;

/// <summary>
/// How a run records sessions (the device's button, the dashboard's POST): programmes are read from the first store
/// (the one the dashboard reads), sessions written to all of them, dates in this machine's zone.
/// </summary>
internal static class ProgrammeRecording
{
    /// <summary>The run's session button, or null (with a warning) when the first store cannot answer programme questions.</summary>
    public static SessionButton? Open(RunSettings settings, string dataDirectory, IPointStore stores, RunReporter reporter)
    {
        string uri = settings.Stores.Count > 0 ? settings.Stores[0] : StoreOpener.DefaultStoreUri(dataDirectory);
        try
        {
            var queries = StoreFactory.OpenProgrammeQueries(StoreFactory.Parse(uri));
            return new SessionButton(new ProgrammeBook(queries, stores, TimeZoneInfo.Local), reporter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            reporter.Warn($"sessions cannot be recorded in this run ({SecretMask.Uri(uri)}: {e.Message}); use 'posturestream session add'");
            return null;
        }
    }
}
