using System.Threading.Channels;
using PostureStream.Cli.Commands;
using PostureStream.Cli.Simulate;
using PostureStream.Cli.Tests.EndToEnd;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.Simulate;

/// <summary><c>simulate --witmotion ble --out bluez:BUS_ADDRESS</c>: the sensors as peripherals of the BlueZ stand-in, <c>--drop</c>, and the mistakes.</summary>
[Collection(ProcessState.Collection)]
public sealed class SimulateBlueZTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DevicesBle_ListsTheSimulatedSensors_AsWitMotionSources()
    {
        await using PrivateBusDaemon bus = await ProcessBuses.StartSystemAsync();
        WitMotionSimulation sensors = SimulateCommand.WitMotionOptions("ble", 50, null, null, null, false, false, out _)!;
        var uris = Channel.CreateUnbounded<string>();
        using var stop = new CancellationTokenSource();
        Task<int> simulating = SimulateCommand.RunAsync(
            new SimulateCommand.Settings(BuiltInScenarios.QuickDemo, "bluez:" + bus.Address) { WitMotion = sensors },
            new LineChannelWriter(uris.Writer),
            TextWriter.Null,
            stop.Token);
        string lumbar = await uris.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        string pelvis = await uris.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

        string listing;
        using (var console = new ConsoleCapture())
        {
            int exit = await Program.Main(["devices", "--ble", "--scan-seconds", "1"]).WaitAsync(Timeout);
            listing = console.Out;
            Assert.True(exit == ExitCodes.Ok, console.Error);
        }

        Assert.Equal(($"witmotion-ble:{WitMotionBlueZPeripherals.Lumbar.Address}", $"witmotion-ble:{WitMotionBlueZPeripherals.Pelvis.Address}"), (lumbar, pelvis));
        Assert.Contains(lumbar + " ", listing, StringComparison.Ordinal);
        Assert.Contains(pelvis + " ", listing, StringComparison.Ordinal);
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await simulating.WaitAsync(Timeout));
    }

    [Theory]
    [InlineData(new[] { "--out", "bluez:unix:path=/nonexistent" }, "add --witmotion ble")]
    [InlineData(new[] { "--witmotion", "serial", "--out", "bluez:unix:path=/nonexistent" }, "use --witmotion ble")]
    [InlineData(new[] { "--witmotion", "ble", "--out", "bluez:unix:path=/nonexistent", "--speed", "max" }, "plays at --speed realtime or a factor")]
    [InlineData(new[] { "--witmotion", "ble", "--out", "pty", "--drop", "pelvis@30s+10s" }, "--drop unplugs live sensors")]
    [InlineData(new[] { "--witmotion", "serial", "--out", "file:/tmp/posturestream-drop-mistake", "--drop", "pelvis@30s+10s" }, "or --witmotion serial --out pty")]
    [InlineData(new[] { "--witmotion", "ble", "--out", "bluez:unix:path=/nonexistent", "--drop", "sacrum@30s+10s" }, "--drop is SEGMENT@START+DURATION")]
    [InlineData(new[] { "--out", "pty", "--drop", "pelvis@30s+10s" }, "--drop needs --witmotion ble")]
    public async Task Mistakes_AreUsageErrors_ThatSayWhatToDo(string[] arguments, string expected)
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(["simulate", "--scenario", "quick-demo", .. arguments]));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoBus_IsARuntimeFailure_ThatSaysHowToStartOne()
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.Main(["simulate", "--scenario", "quick-demo", "--witmotion", "ble", "--out", "bluez:unix:path=/nonexistent/bus"]));

        Assert.Equal(ExitCodes.RuntimeFailure, exit);
        Assert.Contains("dbus-daemon --session --print-address", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pelvis@30s+10s", SensorPlacement.Pelvis, 30.0, 10.0)]
    [InlineData("LUMBAR@1.5m+500ms", SensorPlacement.Lumbar, 90.0, 0.5)]
    [InlineData("pelvis@0+2", SensorPlacement.Pelvis, 0.0, 2.0)]
    public void Drop_Parses(string text, SensorPlacement sensor, double startSeconds, double durationSeconds)
    {
        Assert.True(SensorDrop.TryParse(text, out SensorDrop? drop));
        Assert.Equal(new SensorDrop(sensor, TimeSpan.FromSeconds(startSeconds), TimeSpan.FromSeconds(durationSeconds)), drop);
    }

    [Theory]
    [InlineData("pelvis")]
    [InlineData("pelvis@30s")]
    [InlineData("pelvis@30s+0s")]
    [InlineData("pelvis@-1s+2s")]
    [InlineData("hips@1+2")]
    [InlineData("pelvis@x+2")]
    public void Drop_RefusesWhatIsNotSegmentAtStartPlusDuration(string text) => Assert.False(SensorDrop.TryParse(text, out _));

    [Fact]
    public async Task RealTimePacer_WaitsTheDueTime_OverTheSpeed()
    {
        var clock = new ManualTimeProvider();
        Assert.True(SimulationSpeed.TryParse("2", out SimulationSpeed speed));
        var pacer = new RealTimePacer(speed, clock);
        await pacer.WaitUntilAsync(TimeSpan.Zero, 0, () => true, CancellationToken.None);

        ValueTask waiting = pacer.WaitUntilAsync(TimeSpan.FromSeconds(10), 0, () => true, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(5), await clock.WaitForOneShotAsync(_ => true));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        await waiting.AsTask().WaitAsync(Timeout);
    }
}
