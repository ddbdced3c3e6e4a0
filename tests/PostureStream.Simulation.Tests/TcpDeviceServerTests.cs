using System.Net.Sockets;
using System.Reactive.Concurrency;
using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Tests;

/// <summary>The virtual device behind a real TCP server on loopback, one host at a time.</summary>
public sealed class TcpDeviceServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Hosts_ConnectOneAfterAnother_AndEachIsAnswered()
    {
        using var stop = new CancellationTokenSource();
        using TcpDeviceServer server = await TcpDeviceServer.StartAsync("127.0.0.1", 0, stop.Token);
        using var scheduler = new EventLoopScheduler();
        Scenario scenario = ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo);
        using var device = new VirtualDevice(SimulationPlan.Create(scenario with { Device = scenario.Device with { DropoutRate = 0 } }, 2), scheduler);
        Task serving = server.RunAsync(device, stop.Token);

        var first = new HostSide();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(server.LocalEndpoint, stop.Token);
            Task reading = ReadAllAsync(client.GetStream(), first);
            await client.GetStream().WriteAsync(first.Command(new IdentifyMessage()));
            await client.GetStream().WriteAsync(first.Command(new StartMessage(0)));
            await first.WaitForAsync(m => m.OfType<SamplesMessage>().Sum(s => s.Samples.Length) >= 20, Timeout);
            client.Client.Shutdown(SocketShutdown.Send); // the host hangs up; the server closes its side
            await reading.WaitAsync(Timeout);
        }

        Assert.IsType<HelloMessage>(first.Received[0]);
        Assert.Equal(PspMessageType.Start, Assert.IsType<AckMessage>(first.Received[1]).AckedType);

        // The second host finds the device still streaming; its retried BUZZ is ACKed twice, acted on once.
        var second = new HostSide();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(server.LocalEndpoint, stop.Token);
            Task reading = ReadAllAsync(client.GetStream(), second);
            await second.WaitForAsync(m => m.OfType<SamplesMessage>().Any(), Timeout);
            byte[] buzz = second.Command(new BuzzMessage(BuzzPattern.Short, 150, 90));
            await client.GetStream().WriteAsync(buzz);
            await client.GetStream().WriteAsync(buzz);
            await second.WaitForAsync(m => m.OfType<AckMessage>().Count(a => a.AckedType == PspMessageType.Buzz) == 2, Timeout);
            client.Client.Shutdown(SocketShutdown.Send); // the host hangs up; the server closes its side
            await reading.WaitAsync(Timeout);
        }

        Assert.Single(device.Buzzes);
        Assert.Equal(0, second.Stats.CrcErrors + second.Stats.CobsErrors);
        await stop.CancelAsync();
        await serving.WaitAsync(Timeout);
    }

    private static Task ReadAllAsync(NetworkStream stream, HostSide host) => Task.Run(async () =>
    {
        var buffer = new byte[4096];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            host.Feed(buffer.AsSpan(0, n));
        }
    });
}
