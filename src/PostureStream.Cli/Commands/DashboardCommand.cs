using System.CommandLine;
using System.Net.Sockets;
using PostureStream.Cli.Configuration;
using PostureStream.Dashboard;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream dashboard --store URI [--listen URL] [--token-file F] [--tz ZONE]</c>: the web
/// dashboard over stored data, without ingesting (so its live tab says there is no live feed).
/// </summary>
public static class DashboardCommand
{
    public static Command Create(Func<string, ITrendQueries> openTrends, Func<string, IProgrammeQueries>? openProgrammes = null)
    {
        var store = new Option<string>("--store") { Description = "the store to read: sqlite:PATH or influxdb-v1|v2|v3:URL?... (as for run)", Required = true };
        var listen = new Option<string>("--listen") { Description = "where to listen, http://ADDRESS:PORT (an address other than loopback needs --token-file)", DefaultValueFactory = _ => DashboardOptions.DefaultListenUrl };
        var tokenFile = new Option<string?>("--token-file") { Description = "a file whose first line is the access token every request must then carry" };
        var zone = new Option<string?>("--tz") { Description = "the time zone of day, week and month buckets (default: this machine's)" };
        var command = new Command("dashboard", "the web dashboard over stored data, without ingesting") { store, listen, tokenFile, zone };
        command.SetAction((parse, cancel) => RunAsync(
            openTrends, openProgrammes, parse.GetValue(store)!, parse.GetValue(listen)!, parse.GetValue(tokenFile), parse.GetValue(zone), Console.Out, Console.Error, cancel));
        return command;
    }

    public static async Task<int> RunAsync(
        Func<string, ITrendQueries> openTrends, Func<string, IProgrammeQueries>? openProgrammes, string storeUri, string listenUrl, string? tokenFile, string? zoneId, TextWriter output, TextWriter errors, CancellationToken cancel)
    {
        if (!TryFindZone(zoneId, out var zone))
        {
            await errors.WriteLineAsync($"posturestream dashboard: time zone '{zoneId}' is not known; give an IANA zone such as Europe/Paris or UTC");
            return ExitCodes.Usage;
        }

        if (ListenUrlCheck.Problem("--listen", listenUrl) is { } listenProblem)
        {
            await errors.WriteLineAsync($"posturestream dashboard: {listenProblem}");
            return ExitCodes.Usage;
        }

        if (!StoreToRead.TryOpen(storeUri, openTrends, out ITrendQueries? trends, out int exit, out string? storeError))
        {
            await errors.WriteLineAsync($"posturestream dashboard: {storeError}");
            return exit;
        }

        // SIGINT and SIGTERM (and a closed console on Windows) are the normal way to stop it: exit 0, not 130/143.
        using var signals = new TerminationSignals(cancel);
        CancellationToken stopping = signals.Token;
        try
        {
            var options = new DashboardOptions
            {
                ListenUrl = listenUrl,
                TokenFile = tokenFile,
                Zone = zone,
                Warn = text => errors.WriteLine($"posturestream dashboard: warning: {text}"),
            };
            await using var dashboard = await DashboardServer.StartAsync(options, trends, openProgrammes?.Invoke(storeUri), live: null, cancel);
            await output.WriteLineAsync($"dashboard: {dashboard.Address} (stored data from {SecretMask.Uri(storeUri)}; Ctrl+C stops it)");
            if (tokenFile is not null)
            {
                await output.WriteLineAsync($"open {dashboard.Address}?token=TOKEN once (TOKEN = the first line of {tokenFile}); the browser then keeps it in a cookie");
            }

            await WaitForStopAsync(stopping);
            return ExitCodes.Ok;
        }
        catch (DashboardConfigurationException e)
        {
            await errors.WriteLineAsync($"posturestream dashboard: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (SocketException e)
        {
            // An address the checks above could not judge; the socket layer's word for it, on one line.
            await errors.WriteLineAsync($"posturestream dashboard: cannot listen on --listen '{listenUrl}': {e.Message} (give an address of this machine, e.g. {DashboardOptions.DefaultListenUrl})");
            return ExitCodes.Usage;
        }
        finally
        {
            await DisposeAsync(trends);
        }
    }

    private static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Local;
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    private static async Task WaitForStopAsync(CancellationToken cancel)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: a normal stop (exit 0).
        }
    }

    private static async ValueTask DisposeAsync(ITrendQueries trends)
    {
        switch (trends)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
