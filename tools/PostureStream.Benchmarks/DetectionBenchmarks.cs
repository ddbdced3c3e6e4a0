using BenchmarkDotNet.Attributes;
using PostureStream.Signals.Detection;
using PostureStream.Vocabulary;

namespace PostureStream.Benchmarks;

/// <summary>
/// The detection engine alone (activity, episodes, alerts, bends, minute rollups, 10/s decimation) fed
/// frames of 16 conditioned samples, round-robin over 1 or 10,000 devices as a busy process would.
/// Mean time is per SAMPLE (OperationsPerInvoke); Allocated is per sample too. The wearer does a
/// 3-minute cycle of standing, walking, slumped sitting (raises and clears alerts), bending and
/// hyper-extended standing, at 100 Hz. Time runs on across iterations (each round adds the cycle's
/// length to the device time), so every sample is new to the detector.
/// <c>NewDevice</c> reports the bytes of state a device costs.
/// </summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private const int SamplesPerInvoke = 640_000;
    private const int FrameLength = 16;

    private readonly CountingSink _sink = new();
    private readonly PostureInput[] _frame = new PostureInput[FrameLength];
    private PostureInput[] _cycle = [];
    private DeviceDetector[] _detectors = [];
    private DeviceIdentity _identity = new(1, "bench");
    private DetectionOptions _options = new();
    private int _cursor;
    private long _timeBase;

    [Params(1, 10_000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _options = new DetectionOptions { QuietHoursTimeZone = TimeZoneInfo.Utc };
        _cycle = BuildCycle();
        _identity = new DeviceIdentity(1, "bench");
        _detectors = new DeviceDetector[Devices];
        for (int d = 0; d < Devices; d++)
        {
            _detectors[d] = new DeviceDetector(new DeviceIdentity((ulong)d, $"device-{d:x4}"), _options);
        }
    }

    /// <summary>640,000 samples: 40,000 frames per device for 1 device, 4 per device for 10,000.</summary>
    [Benchmark(OperationsPerInvoke = SamplesPerInvoke)]
    public int ProcessSample()
    {
        int framesPerDevice = SamplesPerInvoke / FrameLength / Devices;
        for (int f = 0; f < framesPerDevice; f++)
        {
            if (_cursor + FrameLength > _cycle.Length)
            {
                _cursor = 0;
                _timeBase += _cycle[^1].DeviceMicros + 10_000;
            }

            for (int i = 0; i < FrameLength; i++)
            {
                PostureInput s = _cycle[_cursor + i];
                _frame[i] = s with { DeviceMicros = s.DeviceMicros + _timeBase, Utc = s.Utc.AddTicks(_timeBase * 10) };
            }

            _cursor += FrameLength;
            foreach (DeviceDetector detector in _detectors)
            {
                detector.Process(_frame, _sink);
            }
        }

        return _sink.Count;
    }

    /// <summary>Allocated = the bytes of state one device costs (rules are shared per engine).</summary>
    [Benchmark]
    public DeviceDetector NewDevice() => new(_identity, _options);

    private static PostureInput[] BuildCycle()
    {
        var samples = new List<PostureInput>();
        var start = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        long micros = 0;
        var random = new Random(1);

        void Hold(double seconds, double tilt, double flexion, double deltaStanding, double deltaSitting, double gaitHz)
        {
            for (int i = 0; i < seconds * 100; i++, micros += 10_000)
            {
                double t = micros / 1e6;
                double gait = gaitHz > 0 ? 2.5 * Math.Sin(2 * Math.PI * gaitHz * t) : 0;
                double noise = (random.NextDouble() - 0.5) * 0.4;
                double pelvis = 15 + tilt + gait + noise;
                samples.Add(new PostureInput(micros, start.AddTicks(micros * 10), 5 + flexion, 0.5, pelvis, -0.3, pelvis,
                    tilt + noise, flexion, deltaStanding + noise, deltaSitting + noise, PostureInputFlags.None, 0));
            }
        }

        Hold(30, 0, 0, 0, 12, 0);          // standing upright
        Hold(20, 0, 0, 0, 12, 1.9);        // walking
        Hold(75, -20, 0, -24, -12, 0);     // slumped sitting: raises after 60 s
        Hold(5, 0, 0, 0, 12, 0);           // stands up: clears
        Hold(3, 20, 60, -30, -18, 0);      // bends
        Hold(47, 0, 0, 9, 21, 0);          // hyper-extended standing
        return [.. samples];
    }

    private sealed class CountingSink : IDetectionSink
    {
        public int Count { get; private set; }

        public void OnPosture(in PosturePoint point) => Count++;

        public void OnAlert(in AlertEvent alert) => Count++;

        public void OnBend(in BendEvent bend) => Count++;

        public void OnSummary(in MinuteSummary summary) => Count++;

        public void OnStateChanged(in DetectionStateChange change) => Count++;
    }
}
