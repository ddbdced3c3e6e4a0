using PostureStream.Cli.Configuration;
using PostureStream.Dashboard;
using PostureStream.Dashboard.Live;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Run;

/// <summary>The dashboard that <c>run</c> serves: trends from the first store, live from the pipelines.</summary>
internal static class DashboardHost
{
    /// <exception cref="ConfigurationException">The listen address is not allowed (a non-loopback address without a token).</exception>
    public static async Task<IAsyncDisposable?> StartAsync(RunSettings settings, string dataDirectory, LiveFeedHub live, RunReporter reporter, CancellationToken cancellationToken)
    {
        string trendsUri = settings.Stores.Count > 0 ? settings.Stores[0] : StoreOpener.DefaultStoreUri(dataDirectory);
        try
        {
            RunningDashboard dashboard = await DashboardServer.StartAsync(
                new DashboardOptions { ListenUrl = settings.Dashboard, TokenFile = settings.DashboardTokenFile },
                StoreFactory.OpenQueries(trendsUri),
                live,
                cancellationToken);
            reporter.Info($"dashboard on {dashboard.Address}");
            return dashboard;
        }
        catch (DashboardConfigurationException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
        catch (IOException e)
        {
            // A dashboard that cannot bind (port in use) must not stop the monitoring itself.
            reporter.Warn($"dashboard not started on {settings.Dashboard}: {e.Message} (use --dashboard http://127.0.0.1:PORT or --no-dashboard)");
            return null;
        }
    }
}
