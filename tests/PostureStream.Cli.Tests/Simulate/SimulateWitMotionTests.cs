using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using PostureStream.Cli.Simulate;
using PostureStream.Cli.Commands;
using PostureStream.Devices.WitMotion;
using PostureStream.Protocol.WitMotion;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Testing;
using ModelReading = PostureStream.Simulation.WitMotion.WitMotionReading;

namespace PostureStream.Cli.Tests.Simulate;

/// <summary><c>simulate --witmotion</c>: the measurement model's samples, as packets, arrive at WitMotion sources.</summary>
public sealed class SimulateWitMotionTests
{
    private static async Task<List<WitMotionReading>> ReplayAsync(string uri)
    {
        await using WitMotionSensorLink link = WitMotionSources.Create(uri);
        Task<IList<WitMotionReading>> all = link.Readings.ToList().ToTask();
        await link.StartAsync(CancellationToken.None);
        return [.. await all.WaitAsync(TimeSpan.FromSeconds(60))];
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("ble")]
    public async Task File_WritesTwoTimedCaptures_ThatReplayAsTheModelsSamples(string format)
    {
        using var dir = new TempDirectory();
        string prefix = dir.Sub("wearer");
        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions(format, 20, "90,15,30", null, 0.05, false, false, out string problem)!;
        Assert.Equal("", problem);
        var stdout = new StringWriter();
        int exit = await SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, $"file:{prefix}") { Seed = 3, WitMotion = sensors, TruthPath = dir.Sub("truth.jsonl") },
            stdout,
            TextWriter.Null,
            CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal([$"file:{prefix}.lumbar.pstimed", $"file:{prefix}.pelvis.pstimed"], stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.True(new FileInfo(dir.Sub("truth.jsonl")).Length > 0);

        SimulationPlan plan = SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), 3);
        List<ModelReading> delivered = sensors.Models(plan).Pelvis.Readings().Where(r => r.IsDelivered).ToList();
        List<WitMotionReading> angles = (await ReplayAsync($"file:{prefix}.pelvis.pstimed")).Where(r => r.Kind == WitMotionReadingKind.Angle).ToList();

        Assert.Equal(delivered.Count, angles.Count);
        Assert.True(delivered.Count < sensors.Models(plan).Pelvis.Readings().Count(), "5 % loss drops samples");
        long origin = (WitMotionSimulation.CaptureStart - DateTimeOffset.UnixEpoch).Ticks / 10;
        for (int i = 0; i < delivered.Count; i += 97)
        {
            Assert.Equal(delivered[i].PitchDegrees, angles[i].Y, 9);
            Assert.Equal(delivered[i].RollDegrees, angles[i].X, 9);
            Assert.Equal(origin + delivered[i].ArrivalTimeMicroseconds, angles[i].ArrivalMicroseconds);
        }
    }

    [Fact]
    public async Task Pty_ServesTwoSensors_ThatWitMotionSerialSourcesRead()
    {
        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions("serial", 50, null, null, null, false, false, out _)!;
        var stdout = new LineWriter();
        using var stop = new CancellationTokenSource();
        Task<int> simulating = SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, "pty") { Speed = "4", WitMotion = sensors },
            stdout,
            TextWriter.Null,
            stop.Token);

        string[] uris = [await stdout.NextLineAsync(), await stdout.NextLineAsync()];
        var results = new List<WitMotionReading>();
        foreach (string uri in uris)
        {
            Assert.StartsWith("witmotion-serial:/dev/pts/", uri, StringComparison.Ordinal);
            await using WitMotionSensorLink link = WitMotionSources.Create(uri);
            Task<WitMotionReading> angle = link.Readings.FirstAsync(r => r.Kind == WitMotionReadingKind.Angle).ToTask();
            await link.StartAsync(CancellationToken.None);
            results.Add(await angle.WaitAsync(TimeSpan.FromSeconds(20)));
        }

        await stop.CancelAsync();
        Assert.Equal(0, await simulating.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.All(results, r => Assert.InRange(r.Y, -90, 90));
    }

    [Theory]
    [InlineData("usb", null, "serial or ble")]
    [InlineData("serial", "60", "50, 100")]
    public void Options_Mistakes_AreNamed(string format, string? rate, string hint)
    {
        Assert.Null(SimulateCommand.WitMotionOptions(format, rate is null ? null : double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), null, null, null, false, false, out string problem));
        Assert.Contains(hint, problem, StringComparison.Ordinal);
        Assert.Null(SimulateCommand.WitMotionOptions("serial", null, "x,y", null, null, false, false, out problem));
        Assert.Contains("ABOUT[,OFF[,AZIMUTH]]", problem, StringComparison.Ordinal);
    }

    /// <summary>A writer whose lines can be awaited, for the URIs simulate prints as it starts.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public override void WriteLine(string? value) => _lines.Writer.TryWrite(value ?? "");

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public async Task<string> NextLineAsync() => await _lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
    }
}
