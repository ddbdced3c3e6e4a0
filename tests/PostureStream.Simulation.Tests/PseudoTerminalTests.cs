using System.Reactive.Concurrency;
using Microsoft.Win32.SafeHandles;
using PostureStream.Devices.Posix;
using PostureStream.Protocol;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Tests;

/// <summary>The virtual device over a real pseudo-terminal, read and written through the slave path like a serial port.</summary>
public sealed class PseudoTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task OverARealPty_HostGetsHelloAcksAndSamples_AndARepeatedBuzzIsRecordedOnce()
    {
        using var pty = PseudoTerminal.Open();
        Assert.StartsWith("/dev/pts/", pty.SlavePath, StringComparison.Ordinal);
        using var scheduler = new EventLoopScheduler();
        Scenario scenario = ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo);
        using var device = new VirtualDevice(SimulationPlan.Create(scenario with { Device = scenario.Device with { DropoutRate = 0 } }, 1), scheduler);
        using var stop = new CancellationTokenSource();
        Task serving = DeviceLinkPump.RunAsync(device, pty.Read, chunk => pty.Write(chunk.Span, stop.Token), stop.Token);

        using SafeFileHandle handle = File.OpenHandle(pty.SlavePath, FileMode.Open, FileAccess.ReadWrite);
        await using var port = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
        var host = new HostSide();
        Task reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            int n;
            while ((n = await port.ReadAsync(buffer)) > 0)
            {
                host.Feed(buffer.AsSpan(0, n));
            }
        });

        await port.WriteAsync(host.Command(new IdentifyMessage()));
        await host.WaitForAsync(m => m.OfType<HelloMessage>().Any(), Timeout);
        await port.WriteAsync(host.Command(new StartMessage(0)));
        await host.WaitForAsync(m => m.OfType<SamplesMessage>().Sum(s => s.Samples.Length) >= 30, Timeout);
        byte[] buzz = host.Command(new BuzzMessage(BuzzPattern.Long, 400, 60));
        await port.WriteAsync(buzz);
        await host.WaitForAsync(m => m.OfType<AckMessage>().Count(a => a.AckedType == PspMessageType.Buzz) == 1, Timeout);
        await port.WriteAsync(buzz);
        await host.WaitForAsync(m => m.OfType<AckMessage>().Count(a => a.AckedType == PspMessageType.Buzz) == 2, Timeout);

        var hello = host.Received.OfType<HelloMessage>().Single();
        Assert.Equal(device.Plan.DeviceId, hello.DeviceId);
        Assert.Contains(host.Received.OfType<AckMessage>(), a => a.AckedType == PspMessageType.Start && a.Result == AckResult.Ok);
        Assert.All(host.Received.OfType<AckMessage>(), a => Assert.Equal(AckResult.Ok, a.Result));
        ReceivedBuzz recorded = Assert.Single(device.Buzzes);
        Assert.Equal(BuzzPattern.Long, recorded.Pattern);
        Assert.Equal(0, host.Stats.CrcErrors + host.Stats.CobsErrors + host.Stats.OtherErrors);

        await stop.CancelAsync();
        await serving.WaitAsync(Timeout);
        pty.Dispose();
        try
        {
            await reading.WaitAsync(Timeout); // the host sees the end of the link (EOF)…
        }
        catch (IOException)
        {
            // …or a hang-up (EIO), as a serial port does when its device goes away.
        }
    }

    [Fact]
    public async Task EveryByteValue_CrossesBothWays_Unchanged_AndIsNotEchoed()
    {
        using var pty = PseudoTerminal.Open();
        using var other = PseudoTerminal.Open();
        Assert.NotEqual(pty.SlavePath, other.SlavePath);
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using SafeFileHandle handle = File.OpenHandle(pty.SlavePath, FileMode.Open, FileAccess.ReadWrite);
        await using var port = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);

        await port.WriteAsync(all);
        byte[] atMaster = ReadExactly(pty, all.Length);
        pty.Write(all, CancellationToken.None);
        byte[] atSlave = new byte[all.Length];
        await port.ReadExactlyAsync(atSlave).AsTask().WaitAsync(Timeout);

        Assert.Equal(all, atMaster);
        Assert.Equal(all, atSlave);
        Assert.Equal(0, pty.Read(new byte[16], TimeSpan.FromMilliseconds(50)));
    }

    private static byte[] ReadExactly(PseudoTerminal pty, int count)
    {
        var received = new List<byte>();
        var buffer = new byte[512];
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (received.Count < count && deadline.Elapsed < Timeout)
        {
            int n = pty.Read(buffer, TimeSpan.FromMilliseconds(200));
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return [.. received];
    }
}
