using PostureStream.Cli;
using PostureStream.Testing;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The real <c>posturestream run</c> in this process, over the simulated wearer of
/// <c>Scenarios/stand-and-tilt.json</c>, with its own data directory (store, calibration) and its
/// dashboard on a free 127.0.0.1 port. <see cref="StopAsync"/> cancels it as SIGINT would.
/// </summary>
internal sealed class InProcessRun : IAsyncDisposable
{
    public const string DeviceId = "00000000da5b0001";
    public const string DeviceName = "browser-wearer";

    /// <summary>Ten times real time: five quiet seconds of device time take half a second.</summary>
    private const int Speed = 10;

    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stop = new();
    private readonly string dataDirectory;
    private readonly Task<int> exit;

    private InProcessRun(string dataDirectory, Uri dashboard)
    {
        this.dataDirectory = dataDirectory;
        Dashboard = dashboard;
        var scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "stand-and-tilt.json");
        string[] args =
        [
            "run", "--source", $"sim:{scenario}?speed={Speed}", "--dashboard", dashboard.ToString().TrimEnd('/'),
            "--data-dir", dataDirectory, "--quiet",
        ];
        exit = Task.Run(() => Program.RunAsync(args, stop.Token));
    }

    /// <summary>Where <c>run</c> serves the dashboard.</summary>
    public Uri Dashboard { get; }

    /// <summary>The file the pipeline keeps the device's neutrals in (Signals README, angles).</summary>
    public string CalibrationFile => Path.Combine(dataDirectory, "calibration", $"calibration-{DeviceId}.json");

    /// <summary>Starts <c>run</c> and returns once its dashboard answers; fails if it exits or never answers.</summary>
    public static async Task<InProcessRun> StartAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("posturestream-dash-run-").FullName;
        var run = new InProcessRun(dataDirectory, new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        try
        {
            await ServerReadiness.WaitUntilAnsweringAsync(new Uri(run.Dashboard, "/api/info"), run.exit, StartBound);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Cancels the run (its SIGINT path) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return await exit.WaitAsync(StopBound);
    }

    public async ValueTask DisposeAsync()
    {
        if (!exit.IsCompleted)
        {
            await stop.CancelAsync();
            await exit.WaitAsync(StopBound).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        stop.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
