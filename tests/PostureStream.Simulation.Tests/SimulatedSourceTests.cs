using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Source;

namespace PostureStream.Simulation.Tests;

public sealed class SimulatedSourceTests
{
    [Fact]
    public void Uri_ReadsScenarioSpeedAndSeed_AndLeavesTheRestToTheCaller()
    {
        Assert.True(SimulatedSourceUri.TryParse("sim:quick-demo?speed=max&seed=42&name=desk&clock=device", out var uri, out _));
        Assert.Equal("quick-demo", uri!.Scenario);
        Assert.Equal(42, uri.Seed);
        Assert.True(uri.Speed.IsMax);
        Assert.Equal("desk", uri.OtherParameters["name"]);

        Assert.True(SimulatedSourceUri.TryParse("sim:sustain-test", out uri, out _));
        Assert.Equal(1, uri!.Seed);
        Assert.Equal(1, uri.Speed.Factor);
    }

    [Theory]
    [InlineData("sim:quick-demo?speed=fast", "speed must be")]
    [InlineData("sim:quick-demo?seed=x", "seed must be")]
    [InlineData("sim:", "needs a scenario")]
    [InlineData("file:x", "not a sim: source")]
    public void Uri_RejectsBadValues_NamingThem(string text, string expected)
    {
        Assert.False(SimulatedSourceUri.TryParse(text, out _, out string error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_InProcess_StreamsTheWholeScenarioAfterStart_ThenCompletes()
    {
        var clock = new HistoricalScheduler();
        Assert.True(SimulatedSourceUri.TryParse("sim:sustain-test?speed=max&seed=5", out var uri, out _));
        using SimulatedLink link = SimulatedSource.Open(uri!, clock);
        var host = new HostSide();
        Task<int> chunks = link.Bytes.Do(chunk => host.Feed(chunk.Span)).Count().ToTask();

        link.Send(host.Command(new IdentifyMessage()));
        link.Send(host.Command(new StartMessage(0)));
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.True(chunks.IsCompleted);
        Assert.True(await chunks > 0);
        Assert.IsType<HelloMessage>(host.Received[0]);
        Assert.IsType<AckMessage>(host.Received[1]);
        Assert.Equal(link.ComputeTruth().SamplesReceived, host.SampleCount);
        Assert.Equal(0, host.Stats.CrcErrors + host.Stats.CobsErrors);
    }

    [Fact]
    public void Open_UnknownScenario_Throws_ListingBuiltIns()
    {
        var error = Assert.Throws<ScenarioException>(() => SimulatedSource.Open("nope", 1, SimulationSpeed.Max, ImmediateScheduler.Instance));
        Assert.Contains("quick-demo", error.Message, StringComparison.Ordinal);
    }
}
