using PostureStream.Cli.Configuration;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Run;

/// <summary>Opens the configured stores, or the embedded SQLite file when none is configured (Storage README, schema).</summary>
internal static class StoreOpener
{
    /// <summary>The embedded default store of a data directory.</summary>
    public static string DefaultStoreUri(string dataDirectory) => "sqlite:" + Path.Combine(dataDirectory, "posturestream.db");

    /// <exception cref="ConfigurationException">A store URI is malformed (exit code 2).</exception>
    public static CompositePointStore OpenAll(RunSettings settings, string dataDirectory, RunReporter reporter, TimeProvider time)
    {
        IReadOnlyList<string> uris = settings.Stores.Count > 0 ? settings.Stores : [DefaultStoreUri(dataDirectory)];
        var stores = new List<IPointStore>();
        try
        {
            foreach (string uri in uris)
            {
                var logger = new ReporterLogger(reporter, SecretMask.Uri(uri));
                // Without disk_queue_mb, a SQLite store's disk queue holds a day of data for each configured device.
                var progress = new StoreOpenProgressPrinter(SecretMask.Uri(uri), reporter.Progress);
                stores.Add(StoreFactory.OpenStore(StoreFactory.Parse(uri), new StoreOpenContext(logger, time, Path.Combine(dataDirectory, "spool"), settings.Sources.Count + settings.Wearers.Count, progress)));
                reporter.Info($"storing to {SecretMask.Uri(uri)}");
            }
        }
        catch (Exception e) when (e is StoreUriException or ArgumentException)
        {
            foreach (IPointStore opened in stores)
            {
                opened.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            throw new ConfigurationException(e.Message, e);
        }

        return new CompositePointStore(stores);
    }
}
