using System.Net;
using System.Net.Sockets;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary>
/// A taken dashboard port stops <c>run</c> only when the user asked for that address; the default one taken
/// (another program, another run) is a warning and the monitoring goes on.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class RunDashboardPortTests : IDisposable
{
    private readonly TempDirectory _dir = new("ps-dashport-");

    public void Dispose() => _dir.Dispose();

    /// <summary>Holds the port; null when something else holds it already, which takes it just as well.</summary>
    private static TcpListener? Occupy(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null;
        }
    }

    [Fact]
    public async Task ExplicitDashboardPortTaken_ExitsWithUsageCode_NamingTheAddress()
    {
        int port = FreePort.Next();
        using TcpListener? holder = Occupy(port);
        using var console = new ConsoleCapture();

        int exit = await Program.Main(["run", "--source", "sim:quick-demo?speed=max", "--dashboard", $"http://127.0.0.1:{port}", "--data-dir", _dir.Sub("data"), "--quiet"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"--dashboard http://127.0.0.1:{port} cannot be served", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultDashboardPortTaken_Warns_AndMonitoringGoesOn()
    {
        string capture = _dir.Sub("quick-demo.psp");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve("quick-demo"), 2)));
        string alerts = _dir.Sub("alerts.jsonl");
        using TcpListener? holder = Occupy(5080);
        using var console = new ConsoleCapture();

        int exit = await Program.Main(["run", "--source", $"file:{capture}?speed=max", "--alerts-out", alerts, "--data-dir", _dir.Sub("data"), "--quiet"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("warning: dashboard not started on http://127.0.0.1:5080", console.Error, StringComparison.Ordinal);
        Assert.Contains("\"phase\":\"raised\"", await File.ReadAllTextAsync(alerts), StringComparison.Ordinal);
    }
}
