using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using PostureStream.Protocol;
using PostureStream.Signals;

namespace PostureStream.Benchmarks;

/// <summary>
/// The signal stages (README, benchmarks): time per sample and allocations as the stages are added one by one,
/// over 64,000 samples in frames of 16 (a fresh device pipeline per invocation, so ticks never go back),
/// and the bytes a device pipeline holds (<see cref="CreateDevicePipeline"/>: allocated per device when
/// 10,000 are created and subscribed).
/// Run: dotnet run -c Release --project tools/PostureStream.Benchmarks -- --filter '*SignalsBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SignalsBenchmarks
{
    private const int Frames = 4_000;
    private const int SamplesPerFrame = 16;
    private const int Samples = Frames * SamplesPerFrame;
    private const int Devices = 10_000;
    private const ulong DeviceId = 0x00000000CAFEF00D;

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCalibrationStore store = new();
    private readonly HistoricalScheduler scheduler = new(Start);
    private readonly DeviceTimeOptions deviceClock = new() { Clock = ClockSource.Device, Start = Start };
    private readonly DeviceTimeOptions arrivalClock = new();
    private PspMessage[] messages = [];
    private IDisposable[] devices = [];
    private long sink;

    [GlobalSetup]
    public void Setup()
    {
        store.Save(new CalibrationRecord(DeviceId, new Neutral(new SensorAngles(5, 1, 15, -1), Start, CalibrationSource.Command), null, StaleReason.None));
        var list = new List<PspMessage> { new HelloMessage(DeviceId, 1, 0, 0, 100, SensorMask.Both, "bench") };
        var random = new Random(1);
        uint tick = 1_000;
        for (int f = 0; f < Frames; f++)
        {
            var samples = new Sample[SamplesPerFrame];
            for (int i = 0; i < SamplesPerFrame; i++)
            {
                double t = tick / 1e6;
                short wobble = (short)(400 * Math.Sin(2 * Math.PI * 1.8 * t));
                samples[i] = new Sample(tick, (short)(500 + wobble), (short)random.Next(-50, 50), (short)(1500 + wobble), (short)random.Next(-50, 50));
                tick += 10_000;
            }

            list.Add(new SamplesMessage(samples));
        }

        messages = [.. list];
        devices = new IDisposable[Devices];
    }

    [Benchmark(OperationsPerInvoke = Samples, Baseline = true)]
    public long UnwrapTicks() => Run(s => s.UnwrapTicks(deviceClock));

    [Benchmark(OperationsPerInvoke = Samples)]
    public long PlusStampUtcAndFaults() => Run(s => s.UnwrapTicks(deviceClock).StampUtc(deviceClock, scheduler).MarkSensorFaults());

    [Benchmark(OperationsPerInvoke = Samples)]
    public long PlusRemoveSpikes() => Run(s => s.UnwrapTicks(deviceClock).StampUtc(deviceClock, scheduler).MarkSensorFaults().RemoveSpikes());

    [Benchmark(OperationsPerInvoke = Samples)]
    public long PlusLowPass() => Run(s => s.UnwrapTicks(deviceClock).StampUtc(deviceClock, scheduler).MarkSensorFaults().RemoveSpikes().LowPass());

    [Benchmark(OperationsPerInvoke = Samples)]
    public long AllStagesDeviceClock() => RunAll(deviceClock);

    [Benchmark(OperationsPerInvoke = Samples)]
    public long AllStagesLiveClock() => RunAll(arrivalClock);

    /// <summary>Allocated per operation = bytes of one device's pipeline and state (subscribed, HELLO seen, calibration loaded).</summary>
    [Benchmark(OperationsPerInvoke = Devices)]
    public int CreateDevicePipeline()
    {
        for (int d = 0; d < Devices; d++)
        {
            var link = new Subject<PspMessage>();
            var calibration = new DeviceCalibration(store);
            IDisposable subscription = link.ConditionSignals(calibration, scheduler, new SignalOptions { DeviceTime = arrivalClock }).Subscribe(_ => { });
            link.OnNext(messages[0]);
            devices[d] = subscription;
        }

        int count = devices.Length;
        foreach (IDisposable device in devices)
        {
            device.Dispose();
        }

        return count;
    }

    private long RunAll(DeviceTimeOptions clock)
    {
        using var calibration = new DeviceCalibration(store);
        return Run(s => s.ConditionSignals(calibration, scheduler, new SignalOptions { DeviceTime = clock }));
    }

    private long Run(Func<IObservable<PspMessage>, IObservable<PostureFrame>> stages)
    {
        var link = new Subject<PspMessage>();
        sink = 0;
        using (stages(link).Subscribe(frame => sink += frame.Samples.Length))
        {
            foreach (PspMessage message in messages)
            {
                link.OnNext(message);
            }
        }

        return sink;
    }
}
