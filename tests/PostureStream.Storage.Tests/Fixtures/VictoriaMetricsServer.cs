using System.Net;

namespace PostureStream.Storage.Tests.Fixtures;

/// <summary>
/// Debian's VictoriaMetrics on 127.0.0.1 with its storage in a temp folder: a second server that
/// accepts <c>/api/v2/write</c>. Fails (never skips) when it cannot start.
/// </summary>
internal sealed class VictoriaMetricsServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/victoria-metrics";
    private readonly TempDirectory _dir = new("ps-vm-");
    private readonly ChildProcess _process;

    private VictoriaMetricsServer()
    {
        Port = FreePort.Next();
        _process = new ChildProcess(Binary,
        [
            $"-httpListenAddr=127.0.0.1:{Port}",
            $"-storageDataPath={_dir.Sub("data")}",
            "-retentionPeriod=100y",
            "-loggerLevel=ERROR",
        ]);
    }

    public int Port { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<VictoriaMetricsServer> StartNewAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the Debian package victoria-metrics (tools/install-deps.sh)");
        }

        var server = new VictoriaMetricsServer();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"victoria-metrics exited at start:\n{server._process.Output}");
            }

            try
            {
                using var response = await server.Http.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/health"), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"victoria-metrics did not answer /health:\n{server._process.Output}");
            }
        }
    }

    /// <summary>Every stored sample whose metric name matches, as JSON lines (after a flush so recent data is searchable).</summary>
    public async Task<string[]> ExportAsync(string metricNameRegex)
    {
        (await Http.GetAsync(new Uri($"http://127.0.0.1:{Port}/internal/force_flush"))).Dispose();
        var match = Uri.EscapeDataString($"{{__name__=~\"{metricNameRegex}\"}}");
        string body = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/api/v1/export?match[]={match}"));
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync();
        _process.Dispose();
        Http.Dispose();
        _dir.Dispose();
    }
}
