using PostureStream.Cli.Configuration;
using PostureStream.Dashboard;
using PostureStream.Dashboard.Live;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Run;

/// <summary>The dashboard that <c>run</c> serves: trends from the first store, live from the pipelines.</summary>
internal static class DashboardHost
{
    /// <exception cref="ConfigurationException">The listen address is not allowed (a non-loopback address without a token).</exception>
    public static async Task<IAsyncDisposable?> StartAsync(
        RunSettings settings, string dataDirectory, LiveFeedHub live, RunReporter reporter, CancellationToken cancellationToken, Storage.Programmes.ProgrammeBook? programmes = null)
    {
        string trendsUri = settings.Stores.Count > 0 ? settings.Stores[0] : StoreOpener.DefaultStoreUri(dataDirectory);
        try
        {
            RunningDashboard dashboard = await DashboardServer.StartAsync(
                new DashboardOptions { ListenUrl = settings.Dashboard, TokenFile = settings.DashboardTokenFile, Warn = text => reporter.Warn("dashboard: " + text), Programmes = programmes },
                StoreFactory.OpenQueries(trendsUri),
                StoreFactory.OpenProgrammeQueries(StoreFactory.Parse(trendsUri)),
                live,
                cancellationToken);
            reporter.Info($"dashboard on {dashboard.Address}");
            return dashboard;
        }
        catch (DashboardConfigurationException e) when (e.AddressUnavailable && !IsExplicit(settings))
        {
            // The default port taken (another program, another run) must not stop the monitoring itself.
            reporter.Warn($"dashboard not started on {settings.Dashboard}: {e.InnerException?.Message ?? e.Message}; monitoring goes on without it (choose a free port with --dashboard http://127.0.0.1:PORT, or --no-dashboard)");
            return null;
        }
        catch (DashboardConfigurationException e) when (e.AddressUnavailable)
        {
            // An address the user asked for is a promise: not serving it is a start-up error.
            throw new ConfigurationException($"--dashboard {settings.Dashboard} cannot be served: {e.InnerException?.Message ?? e.Message}; choose a free port, or --no-dashboard", e);
        }
        catch (DashboardConfigurationException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }

    /// <summary>True when the listen address was given (--dashboard, the configuration) rather than the default.</summary>
    private static bool IsExplicit(RunSettings settings) =>
        !string.Equals(settings.Dashboard, DashboardOptions.DefaultListenUrl, StringComparison.OrdinalIgnoreCase);
}
