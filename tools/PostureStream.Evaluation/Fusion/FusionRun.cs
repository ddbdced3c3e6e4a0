using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Fusion;
using PostureStream.Simulation;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Evaluation.Fusion;

/// <summary>
/// One simulated psp-raw wearer through host fusion (<see cref="RawImuFusion"/>), scored sample by sample against the
/// simulator's truth. "Calibrated" errors are taken after removing each channel's mean error over the first segment
/// (the scenario's standing calibration), as the wearer's standing neutral removes it for detection: the IMUs' mounting
/// rotation and accelerometer offsets are constant there and unobservable by any filter. "Sensor" errors compare with
/// the angles of the sensors as mounted, without any offset removed: the filter's own error plus the accelerometer offsets.
/// </summary>
internal sealed class FusionRun
{
    private const double SettleSeconds = 2;

    public required string Scenario { get; init; }
    public required int Seed { get; init; }
    public required string Imu { get; init; }
    public required int RateHz { get; init; }
    public FusionErrors Calibrated { get; } = new();
    public FusionErrors Sensor { get; } = new();

    /// <summary>Calibrated errors over the last 10 minutes of the scenario.</summary>
    public FusionErrors Last10Minutes { get; } = new();

    public double Hours { get; private set; }

    public static FusionRun Run(Scenario scenario, int seed, DeviceProfile device)
    {
        var plan = SimulationPlan.Create(scenario with { Device = device }, seed);
        var run = new FusionRun { Scenario = scenario.Name, Seed = seed, Imu = device.ImuModel.Name, RateHz = device.SampleRateHz };
        run.Score(plan);
        return run;
    }

    private void Score(SimulationPlan plan)
    {
        var fusion = new RawImuFusion();
        var ticks = new TickUnwrapper();
        PlannedSegment first = plan.Segments[0];
        double calibrateFrom = first.Definition.Transition.TotalSeconds + SettleSeconds;
        double calibrateTo = first.End.TotalSeconds;
        var offsetSums = new double[4];
        long offsetCount = 0;
        double[]? offset = null;
        long firstUs = -1;
        long lastUs = (long)(plan.Duration.TotalSeconds * 1e6 * plan.ClockRate);
        foreach (TracedFrame frame in SampleTrace.Frames(plan))
        {
            if (frame.Dropped || frame.Message is not RawMessage raw)
            {
                continue;
            }

            for (int i = 0; i < raw.Samples.Length; i++)
            {
                RawSample s = raw.Samples[i];
                long last = ticks.LastTick is uint t ? (long)s.TickMicroseconds - t : 0;
                ticks.Advance(s.TickMicroseconds, last, out _);
                SegmentSample fused = fusion.Fuse(ticks.DeviceMicroseconds, s, raw.ImuMask, raw.AccelFullScaleG, raw.GyroFullScaleDps);
                TracedSample truth = frame.Samples[i];
                firstUs = firstUs < 0 ? truth.DeviceMicroseconds : firstUs;
                double seconds = (truth.DeviceMicroseconds - firstUs) / 1e6 / plan.ClockRate;
                Span<double> error = [
                    fused.Angles.LumbarPitchDegrees - truth.Clean.LumbarPitch,
                    fused.Angles.PelvisPitchDegrees - truth.Clean.PelvisPitch,
                    fused.Angles.LumbarRollDegrees - truth.Clean.LumbarRoll,
                    fused.Angles.PelvisRollDegrees - truth.Clean.PelvisRoll];
                if (truth.Segment == 0)
                {
                    if (seconds >= calibrateFrom && seconds < calibrateTo && !HasNaN(error))
                    {
                        for (int c = 0; c < 4; c++)
                        {
                            offsetSums[c] += error[c];
                        }

                        offsetCount++;
                    }

                    continue;
                }

                offset ??= [.. offsetSums.Select(v => v / Math.Max(1, offsetCount))];
                Calibrated.Add(truth.Activity, error[0] - offset[0], error[2] - offset[2]);
                Calibrated.Add(truth.Activity, error[1] - offset[1], error[3] - offset[3]);
                Sensor.Add(truth.Activity, fused.Angles.LumbarPitchDegrees - truth.Mounted.LumbarPitch, fused.Angles.LumbarRollDegrees - truth.Mounted.LumbarRoll);
                Sensor.Add(truth.Activity, fused.Angles.PelvisPitchDegrees - truth.Mounted.PelvisPitch, fused.Angles.PelvisRollDegrees - truth.Mounted.PelvisRoll);
                if (lastUs - (truth.DeviceMicroseconds - firstUs) <= 600e6)
                {
                    Last10Minutes.Add(truth.Activity, error[0] - offset[0], error[2] - offset[2]);
                    Last10Minutes.Add(truth.Activity, error[1] - offset[1], error[3] - offset[3]);
                }
            }
        }

        Hours = plan.Duration.TotalHours;
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }
}
