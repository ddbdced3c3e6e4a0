using System.Net;
using System.Net.Sockets;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary>A <c>file:</c> run ends with the quality of its link, and one fed garbage says so instead of ending without a word.</summary>
[Collection(ProcessState.Collection)]
public sealed class RunLinkQualityTests : IDisposable
{
    private readonly TempDirectory _dir = new("ps-linkquality-");

    public void Dispose() => _dir.Dispose();

    private async Task<(int Exit, string Out, string Error)> RunAsync(string path)
    {
        using var console = new ConsoleCapture();
        int exit = await Program.Main(["run", "--source", $"file:{path}?speed=max", "--data-dir", _dir.Sub("data"), "--no-dashboard"]);
        return (exit, console.Out, console.Error);
    }

    [Fact]
    public async Task RandomBytes_WarnOnStderrThatNoFrameWasValid()
    {
        string path = _dir.Sub("random.bin");
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);

        (_, _, string error) = await RunAsync(path);

        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("no valid PSP frame in the whole source", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvFile_WarnsOnStderrThatItIsNotAPspCapture()
    {
        string path = _dir.Sub("angles.csv");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, 2000).Select(i => $"{i},12.5,-3.25,0.98"));

        (_, _, string error) = await RunAsync(path);

        Assert.Contains("not a PSP capture or device", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoodCapture_EndsWithTheLinkQualitySummary()
    {
        string path = _dir.Sub("quick-demo.psp");
        await File.WriteAllBytesAsync(path, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve("quick-demo"), 2)));

        (int exit, string output, string error) = await RunAsync(path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"link quality: \d{4} frames ok, 0 corrupt \(CRC 0, COBS 0, other 0\), \d+ lost, 0 resyncs", output);
        Assert.DoesNotContain("no valid PSP frame", error, StringComparison.Ordinal);
    }

    /// <summary>A live link is judged by wall time: a TCP peer sending only noise is named within its first 10 s interval.</summary>
    [Fact]
    public async Task ALiveLinkSendingOnlyNoise_WarnsWithinItsFirstStatsInterval()
    {
        using var peer = new TcpListener(IPAddress.Loopback, 0);
        peer.Start();
        int port = ((IPEndPoint)peer.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        Task noise = SendNoiseAsync(peer, stop.Token);
        var console = new ConsoleCapture();
        Task<int> run = Task.Run(() => Program.RunAsync(
            ["run", "--source", $"tcp://127.0.0.1:{port}", "--data-dir", _dir.Sub("data"), "--no-dashboard", "--quiet"], stop.Token));
        try
        {
            // The first stats interval ends 10 s after the start; allow a loaded machine plenty more.
            DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(45);
            while (!console.Error.Contains("no valid PSP frame for 10 s, only garbage", StringComparison.Ordinal))
            {
                Assert.False(run.IsCompleted, $"run ended early:\n{console.Error}");
                Assert.True(DateTimeOffset.UtcNow < deadline, $"no warning within 45 s; stderr:\n{console.Error}\nstdout:\n{console.Out}");
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            await noise.ContinueWith(_ => { }, TaskScheduler.Default);
            console.Dispose();
        }

        Assert.Contains("wrong baud rate", console.Error, StringComparison.Ordinal);
    }

    /// <summary>What a wrong baud rate looks like: a steady stream of bytes that never form a frame.</summary>
    private static async Task SendNoiseAsync(TcpListener peer, CancellationToken cancellationToken)
    {
        using TcpClient client = await peer.AcceptTcpClientAsync(cancellationToken);
        NetworkStream stream = client.GetStream();
        var random = new Random(11);
        var chunk = new byte[512];
        while (!cancellationToken.IsCancellationRequested)
        {
            random.NextBytes(chunk);
            await stream.WriteAsync(chunk, cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
