using System.Reactive.Concurrency;
using System.Reactive.Linq;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Simulation.Source;

/// <summary>
/// A simulated device in the same process, for <c>run --source sim:…</c>: PSP bytes out, host commands
/// in, no pseudo-terminal. It behaves like a real device on a link: send IDENTIFY and START to make
/// it talk (or open it with <c>streamOnPowerUp</c>). <see cref="Bytes"/> completes when the scenario
/// has been sent, which is the end of the source.
/// </summary>
public sealed class SimulatedLink : IDisposable
{
    private readonly VirtualDevice _device;
    private int _poweredOn;

    internal SimulatedLink(VirtualDevice device)
    {
        _device = device;
        Bytes = Observable.Create<ReadOnlyMemory<byte>>(observer =>
        {
            IDisposable subscription = _device.Output.Subscribe(observer);
            if (Interlocked.Exchange(ref _poweredOn, 1) == 0)
            {
                _device.PowerOn();
            }

            return subscription;
        });
    }

    public SimulationPlan Plan => _device.Plan;

    /// <summary>Device → host bytes. The first subscription switches the device on.</summary>
    public IObservable<ReadOnlyMemory<byte>> Bytes { get; }

    /// <summary>The BUZZes the device acted on.</summary>
    public IReadOnlyList<ReceivedBuzz> Buzzes => _device.Buzzes;

    public IObservable<ReceivedBuzz> BuzzReceived => _device.BuzzReceived;

    /// <summary>Completes when the whole scenario has been sent.</summary>
    public Task Completion => _device.Completion;

    /// <summary>Host → device bytes (PSP frames, any chunking): IDENTIFY, START, STOP, BUZZ.</summary>
    public void Send(ReadOnlySpan<byte> hostBytes) => _device.Receive(hostBytes);

    /// <summary>What a correct detector must say about this run (see the README's truth format).</summary>
    public GroundTruth ComputeTruth() => GroundTruth.Compute(Plan);

    public void Dispose() => _device.Dispose();
}

/// <summary>Opens simulated devices.</summary>
public static class SimulatedSource
{
    /// <summary>Opens <paramref name="scenario"/> (a built-in name or a JSON file); throws <see cref="ScenarioException"/> for a bad one.</summary>
    public static SimulatedLink Open(string scenario, int seed, SimulationSpeed speed, IScheduler scheduler, bool streamOnPowerUp = false) =>
        Open(ScenarioCatalog.Resolve(scenario), seed, speed, scheduler, streamOnPowerUp);

    public static SimulatedLink Open(Scenario scenario, int seed, SimulationSpeed speed, IScheduler scheduler, bool streamOnPowerUp = false) =>
        new(new VirtualDevice(SimulationPlan.Create(scenario, seed), scheduler, new VirtualDeviceOptions { Speed = speed, StreamOnPowerUp = streamOnPowerUp }));

    /// <summary>Opens a parsed <c>sim:</c> URI.</summary>
    public static SimulatedLink Open(SimulatedSourceUri uri, IScheduler scheduler, bool streamOnPowerUp = false) =>
        Open(uri.Scenario, uri.Seed, uri.Speed, scheduler, streamOnPowerUp);
}
