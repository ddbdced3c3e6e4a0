using System.Net;
using System.Net.Http.Headers;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary><c>run --dashboard</c> off loopback needs <c>--token-file</c>, and then every request must carry the token.</summary>
[Collection(ProcessState.Collection)]
public sealed class RunDashboardTokenTests : IDisposable
{
    private const string Token = "run-token-for-tests-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-run-token-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_NonLoopbackDashboardWithoutTokenFile_ExitsWithUsageCodeNamingTheOption()
    {
        var errors = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(errors);
        int exit;
        try
        {
            // Refused before anything listens, so nothing is bound on 0.0.0.0.
            exit = await Program.Main(["run", "--source", "sim:quick-demo?speed=max", "--dashboard", "http://0.0.0.0:0", "--data-dir", _dir, "--quiet"]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("0.0.0.0", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("--token-file", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NonLoopbackDashboardWithTokenFile_AnswersOnlyRequestsCarryingTheToken()
    {
        string tokenFile = Path.Combine(_dir, "dashboard.token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        int port = FreePort.Next();
        using var stop = new CancellationTokenSource();
        // Bound on every interface, reached only through loopback; the real-time sim outlasts the test.
        Task<int> run = Task.Run(() => Program.RunAsync(
            ["run", "--source", "sim:quick-demo", "--dashboard", $"http://0.0.0.0:{port}", "--token-file", tokenFile, "--data-dir", Path.Combine(_dir, "data"), "--quiet"],
            stop.Token));
        var devices = new Uri($"http://127.0.0.1:{port}/api/devices");
        try
        {
            await ServerReadiness.WaitUntilAnsweringAsync(devices, run, TimeSpan.FromSeconds(30));
            using var client = new HttpClient();

            using (var anonymous = await client.GetAsync(devices))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, devices);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using (var authorised = await client.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
