using BenchmarkDotNet.Attributes;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Fusion;

namespace PostureStream.Benchmarks;

/// <summary>
/// Host fusion (Signals Fusion README): RAW samples of two IMUs through <see cref="RawImuFusion"/>, 100 Hz ticks, a
/// wearer walking (readings vary every sample). Per operation: 8,000 samples = 16,000 IMU updates; divide by 16,000
/// for the cost per sample per IMU.
/// </summary>
[MemoryDiagnoser]
public class FusionBenchmarks
{
    private const int Samples = 8_000;
    private readonly RawSample[] _samples = new RawSample[Samples];
    private RawImuFusion _fusion = new();
    private long _time;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20);
        for (int i = 0; i < Samples; i++)
        {
            double t = i / 100.0;
            double step = 2 * Math.PI * 1.9 * t;
            short Acc(double g) => RawFullScale.ToRaw(g, 4);
            short Gyr(double dps) => RawFullScale.ToRaw(dps, 500);
            var reading = new ImuReading(
                Acc(0.98 + (0.3 * Math.Sin(step))), Acc(0.05 * Math.Sin(step / 2)), Acc(0.15 + (0.25 * Math.Sin(step + 0.7))),
                Gyr(random.NextDouble() - 0.5), Gyr(15 * Math.Cos(step)), Gyr(8 * Math.Sin(step / 2)));
            _samples[i] = new RawSample((uint)(i * 10_000), reading, reading);
        }

        _fusion = new RawImuFusion();
    }

    [Benchmark(OperationsPerInvoke = Samples * 2)]
    public double FusePerImu()
    {
        double sum = 0;
        foreach (RawSample s in _samples)
        {
            _time += 10_000;
            SegmentSample fused = _fusion.Fuse(_time, s, SensorMask.Both, 4, 500);
            sum += fused.Angles.LumbarPitchDegrees + fused.Angles.PelvisRollDegrees;
        }

        return sum;
    }
}
