using PostureStream.Signals.Wearers;
using PostureStream.Simulation;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;
using Xunit.Abstractions;
using Activity = PostureStream.Simulation.Scenarios.Activity;

namespace PostureStream.Signals.Tests.Wearers;

public sealed class AngleAccuracyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Two WitMotion sensors stuck on at the given turns about the skin normal and tips off it, BLE-like delivery: after
    /// the functional calibration, the sagittal angles and the lordosis delta follow the simulator's truth.
    /// </summary>
    [Theory]
    [InlineData(1, 0, 0, 0, 0)]
    [InlineData(2, 90, 20, -90, 20)]
    [InlineData(3, 45, 10, 70, 15)]
    [InlineData(4, -30, 20, 90, 5)]
    [InlineData(5, 180, 20, 135, 20)]
    public void AfterFunctionalCalibration_SagittalAndLordosisFollowTheTruth(int seed, double lumbarTurn, double lumbarTip, double pelvisTurn, double pelvisTip)
    {
        Scenario scenario = CalibrationRoutine.Prepend(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo));
        SimulationPlan plan = SimulationPlan.Create(scenario, seed);
        var lumbar = new WitMotionSensorModel(plan, SensorPlacement.Lumbar, new WitMotionSensorOptions { Mounting = new SensorMounting(lumbarTurn, lumbarTip, 30 * seed) });
        var pelvis = new WitMotionSensorModel(plan, SensorPlacement.Pelvis, new WitMotionSensorOptions { Mounting = new SensorMounting(pelvisTurn, pelvisTip, 200 - (30 * seed)) });
        var streams = new WearerStreams(50);
        streams.Functional.Start();
        List<SegmentSample> samples = Play(streams, lumbar, pelvis);

        Assert.Equal(FunctionalCalibrationStep.Done, streams.Functional.Step);
        var report = AccuracyReport.Score(plan, samples, from: CalibrationRoutine.Duration);
        output.WriteLine($"seed {seed}, lumbar {lumbarTurn}°/{lumbarTip}°, pelvis {pelvisTurn}°/{pelvisTip}°: {report}");
        Assert.True(report.LumbarPitchRms <= 1.0 && report.PelvisPitchRms <= 1.0, report.ToString());
        Assert.True(report.LordosisDeltaRms <= 1.5, report.ToString());
    }

    [Fact]
    public void WithoutCalibration_AMountingTurned90Degrees_IsWrong()
    {
        Scenario scenario = CalibrationRoutine.Prepend(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo));
        SimulationPlan plan = SimulationPlan.Create(scenario, 2);
        var options = new WitMotionSensorOptions { Mounting = new SensorMounting(90, 0, 0) };
        var streams = new WearerStreams(50);
        List<SegmentSample> samples = Play(streams, new WitMotionSensorModel(plan, SensorPlacement.Lumbar, options), new WitMotionSensorModel(plan, SensorPlacement.Pelvis, options));
        var report = AccuracyReport.Score(plan, samples, from: CalibrationRoutine.Duration);
        Assert.True(report.LumbarPitchRms > 5, report.ToString());
    }

    /// <summary>Both streams' delivered readings in arrival order, as two links would hand them over.</summary>
    internal static List<SegmentSample> Play(WearerStreams streams, WitMotionSensorModel lumbar, WitMotionSensorModel pelvis)
    {
        var merged = lumbar.Readings().Where(r => r.IsDelivered).Select(r => (Lumbar: true, Reading: r))
            .Concat(pelvis.Readings().Where(r => r.IsDelivered).Select(r => (Lumbar: false, Reading: r)))
            .OrderBy(x => x.Reading.ArrivalTimeMicroseconds).ToList();
        var samples = new List<SegmentSample>();
        foreach (var (isLumbar, r) in merged)
        {
            if (isLumbar)
            {
                streams.AddLumbar(r.ArrivalTimeMicroseconds, SimulatedPair.Up(r));
            }
            else
            {
                streams.AddPelvis(r.ArrivalTimeMicroseconds, SimulatedPair.Up(r));
            }

            streams.Advance(r.ArrivalTimeMicroseconds, samples);
        }

        streams.Flush(samples);
        return samples;
    }
}

/// <summary>RMS errors of a wearer's angles against the simulator's truth, relative to the standing neutral.</summary>
internal sealed record AccuracyReport(double LumbarPitchRms, double PelvisPitchRms, double LordosisDeltaRms, int Samples, double StillLumbarRms, double MovingLumbarRms)
{
    public static AccuracyReport Score(SimulationPlan plan, IReadOnlyList<SegmentSample> samples, TimeSpan from)
    {
        PostureAngles neutral = plan.Anatomy.StandingNeutral;
        double l2 = 0, p2 = 0, d2 = 0, still2 = 0, moving2 = 0;
        int n = 0, still = 0, moving = 0;
        int cursor = 0;
        foreach (SegmentSample s in samples)
        {
            double seconds = s.TimeMicroseconds / 1e6;
            if (seconds < from.TotalSeconds || double.IsNaN(s.Angles.LumbarPitchDegrees) || double.IsNaN(s.Angles.PelvisPitchDegrees))
            {
                continue;
            }

            PostureAngles truth = plan.Timeline.Evaluate(seconds, ref cursor, out Activity activity);
            double lumbarError = s.Angles.LumbarPitchDegrees - (truth.LumbarPitch - neutral.LumbarPitch);
            double pelvisError = s.Angles.PelvisPitchDegrees - (truth.PelvisPitch - neutral.PelvisPitch);
            double deltaError = pelvisError - lumbarError;
            l2 += lumbarError * lumbarError;
            p2 += pelvisError * pelvisError;
            d2 += deltaError * deltaError;
            n++;
            if (activity is Activity.Walking or Activity.Bending)
            {
                moving2 += lumbarError * lumbarError;
                moving++;
            }
            else
            {
                still2 += lumbarError * lumbarError;
                still++;
            }
        }

        return new AccuracyReport(Math.Sqrt(l2 / n), Math.Sqrt(p2 / n), Math.Sqrt(d2 / n), n, Math.Sqrt(still2 / Math.Max(1, still)), Math.Sqrt(moving2 / Math.Max(1, moving)));
    }

    public override string ToString() =>
        $"sagittal RMS lumbar {LumbarPitchRms:F2}° (still {StillLumbarRms:F2}°, walking/bending {MovingLumbarRms:F2}°), pelvis {PelvisPitchRms:F2}°; lordosis delta RMS {LordosisDeltaRms:F2}° over {Samples} samples";
}
