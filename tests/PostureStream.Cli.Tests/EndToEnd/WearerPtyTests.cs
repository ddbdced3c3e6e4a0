using System.Threading.Channels;
using PostureStream.Cli.Commands;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Cli.Simulate;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// <c>run --wearer</c> on live serial links: <c>simulate --witmotion serial --out pty</c> plays the two sensors on two
/// pseudo-terminals and run stores the wearer's posture from them; when the simulator ends, each sensor's link is
/// lost on its own and run says so per sensor. Played at speed 20, so the detector's durations do not hold: the
/// alerts over PTYs are not compared with the truth here (Cli README says why the lockstep test is out).
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class WearerPtyTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-wearer-pty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TwoPtySensors_AreOneWearer_WhosePostureIsStored_AndEachLinkLossIsReported()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions("serial", 50, "0,0,0", "0,0,0", null, false, false, out _)!;
        var uris = Channel.CreateUnbounded<string>();
        Task<int> simulating = SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, "pty") { Speed = "20", Seed = 2, WitMotion = sensors },
            new LineChannelWriter(uris.Writer),
            TextWriter.Null,
            CancellationToken.None);
        string lumbar = await uris.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        string pelvis = await uris.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

        string data = Path.Combine(_dir, "data");
        var settings = new RunSettings
        {
            Wearers = [new WearerSettings { Name = "W", Lumbar = lumbar, Pelvis = pelvis }],
            NoDashboard = true,
            DataDirectory = data,
        };
        using var console = new ConsoleCapture();
        using var stop = new CancellationTokenSource();
        Task<int> running = Task.Run(() => RunHost.RunAsync(settings, TimeProvider.System, stop.Token));

        Assert.Equal(ExitCodes.Ok, await simulating.WaitAsync(Timeout));
        await Poll.UntilAsync(() => console.Out.Contains("W lumbar: link lost", StringComparison.Ordinal) && console.Out.Contains("W pelvis: link lost", StringComparison.Ordinal), Timeout, "both sensors' link losses");
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await running.WaitAsync(Timeout));

        string db = Path.Combine(data, "posturestream.db");
        Assert.True(SqliteQuery.Scalar(db, "SELECT count(*) FROM posture WHERE device = 'W'") > 100, "the wearer's posture is stored");
    }
}
