using System.Diagnostics;
using System.Globalization;
using PostureStream.Cli.Tests.EndToEnd;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary><c>dashboard</c> is a service: SIGINT and SIGTERM are its normal stop and exit 0 (it exited 130/143).</summary>
public sealed class DashboardSignalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Dashboard_StoppedBySignal_ExitsZero(string signal)
    {
        // An InfluxDB store is only contacted per request, so nothing needs to listen for the dashboard to start.
        using ChildProcess dashboard = PostureStreamTool.Start(
            "dashboard", "--store", $"influxdb-v1:http://127.0.0.1:{FreePort.Next()}?db=posture", "--listen", "http://127.0.0.1:0");
        string first = await dashboard.FirstOutputLineAsync(Deadline);
        Assert.StartsWith("dashboard: http://127.0.0.1:", first, StringComparison.Ordinal);

        using (var kill = Process.Start("kill", ["-" + signal, dashboard.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.Equal(ExitCodes.Ok, await dashboard.WaitForExitAsync(Deadline));
    }
}
