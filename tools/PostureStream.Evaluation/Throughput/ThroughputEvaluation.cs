using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using PostureStream.Signals;
using PostureStream.Signals.Pipeline;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Storage.LineProtocol;

namespace PostureStream.Evaluation.Throughput;

/// <summary>
/// Speed and memory of the whole pipeline (README, benchmarks): decode → filters → detection → line protocol at
/// 10 points/s/device, for 1, 100 and 10,000 simulated devices fed frame by frame in turn on one thread,
/// with the retained bytes per device. Device streams are cut from a few quick-demo captures (distinct
/// seeds, offsets spread over the scenario), so devices are at different activities at once; a device that
/// needs more data than a quick demo holds gets an office day.
/// </summary>
internal static class ThroughputEvaluation
{
    private const int DistinctCaptures = 8;
    private const int FlushBytes = 1 << 20;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(IReadOnlyList<int> deviceCounts, long samplesPerRun, TextWriter output)
    {
        Source[] demos = [.. Enumerable.Range(1, DistinctCaptures).Select(seed => Source.Of("quick-demo", seed))];
        Source[] day = [];

        // A discarded pass first: tiered JIT compiles the hot path fully optimised only after it has run a while.
        _ = Measure(100, 2_000_000, demos);
        await output.WriteLineAsync("| devices | seconds of data per device | samples | wall time | samples/s | CPU / wall | line-protocol lines | retained per device | gen0/gen1/gen2 GCs |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|");
        foreach (int devices in deviceCounts)
        {
            // Few devices need more data each than a quick demo holds: they get (part of) an office day.
            bool longer = samplesPerRun / (100.0 * devices) > demos.Min(d => d.Plan.Duration.TotalSeconds) - 5;
            if (longer && day.Length == 0)
            {
                day = [Source.Of("office-day", 1)];
            }

            await output.WriteLineAsync(Measure(devices, samplesPerRun, longer ? day : demos));
        }

        return 0;
    }

    private static string Measure(int deviceCount, long samplesPerRun, Source[] sources)
    {
        double scenarioSeconds = sources.Min(s => s.Plan.Duration.TotalSeconds);
        double secondsPerDevice = Math.Min(scenarioSeconds - 5, samplesPerRun / (100.0 * deviceCount));
        var streams = new DeviceStream[deviceCount];
        for (int d = 0; d < deviceCount; d++)
        {
            Source source = sources[d % sources.Length];
            double offset = (scenarioSeconds - secondsPerDevice) * ((d / sources.Length) % 97) / 97.0;
            streams[d] = DeviceStream.Cut(source.Plan, source.Frames, TimeSpan.FromSeconds(offset), TimeSpan.FromSeconds(secondsPerDevice));
        }

        var calibrations = new InMemoryCalibrationStore();
        using var buffer = new LineProtocolBuffer(2 * FlushBytes);
        var writer = new LineProtocolWriter(buffer, TimestampPrecision.Milliseconds);
        var scheduler = new HistoricalScheduler(Start);
        var options = new DeviceChainOptions
        {
            Signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = Start } },
        };

        long before = Retained();
        var pipelines = new PipelineDevice[deviceCount];
        for (int d = 0; d < deviceCount; d++)
        {
            calibrations.Save(streams[d].Calibration);
            pipelines[d] = new PipelineDevice(calibrations, scheduler, options, writer);
        }

        int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int rounds = streams.Max(s => s.Frames.Count);
        for (int round = 0; round < rounds; round++)
        {
            for (int d = 0; d < deviceCount; d++)
            {
                if (round < streams[d].Frames.Count)
                {
                    pipelines[d].Feed(streams[d].Frames[round].Span);
                }
            }

            if (buffer.Length > FlushBytes)
            {
                buffer.Clear();
            }
        }

        foreach (PipelineDevice pipeline in pipelines)
        {
            pipeline.Complete();
        }

        clock.Stop();
        TimeSpan used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        long retainedPerDevice = (Retained() - before) / deviceCount;
        long samples = pipelines.Sum(p => p.Samples);
        long lines = pipelines.Sum(p => p.Lines);
        string row = string.Create(CultureInfo.InvariantCulture,
            $"| {deviceCount:N0} | {secondsPerDevice:0} | {samples:N0} | {clock.Elapsed.TotalSeconds:0.00} s | {samples / clock.Elapsed.TotalSeconds:N0} | {used / clock.Elapsed:0.00} | {lines:N0} | {retainedPerDevice:N0} B | {GC.CollectionCount(0) - gcs[0]}/{GC.CollectionCount(1) - gcs[1]}/{GC.CollectionCount(2) - gcs[2]} |");
        foreach (PipelineDevice pipeline in pipelines)
        {
            pipeline.Dispose();
        }

        GC.KeepAlive(streams);
        return row;
    }

    private sealed record Source(SimulationPlan Plan, List<ReadOnlyMemory<byte>> Frames)
    {
        public static Source Of(string scenario, int seed)
        {
            var plan = SimulationPlan.Create(ScenarioCatalog.Resolve(scenario), seed);
            return new Source(plan, DeviceStream.Split(CaptureWriter.ToArray(plan)));
        }
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
