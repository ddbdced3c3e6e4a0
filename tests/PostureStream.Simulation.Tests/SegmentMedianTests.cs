using PostureStream.Protocol;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Simulation.Tests;

public sealed class SegmentMedianTests
{
    [Theory]
    [InlineData(BuiltInScenarios.QuickDemo, 11)]
    [InlineData(BuiltInScenarios.QuickDemo, 12)]
    [InlineData(BuiltInScenarios.SustainTest, 13)]
    public void SegmentMedians_OfPelvicTiltAndLordosisDelta_MatchTheScenarioWithinOneDegree(string name, int seed)
    {
        SimulationPlan plan = SimulationPlan.Create(ScenarioCatalog.Resolve(name), seed);
        GroundTruth truth = GroundTruth.Compute(plan);
        var samples = CaptureDecoding.Decode(CaptureWriter.ToArray(plan)).UnwrappedSamples().ToList();
        WearerAnatomy anatomy = plan.Anatomy;

        foreach (TruthSegment segment in truth.Segments)
        {
            // The middle of the segment once its transition is over (40 % of it, which is a bend's hold).
            long settled = segment.StartMicroseconds + (long)(segment.TransitionSeconds * 1e6 * plan.ClockRate);
            long length = segment.EndMicroseconds - settled;
            long from = settled + (long)(length * 0.3);
            long to = segment.EndMicroseconds - (long)(length * 0.3);
            PostureAngles neutral = segment.Activity == "sitting" ? anatomy.SittingNeutral : anatomy.StandingNeutral;
            var window = samples.Where(s => s.Us >= from && s.Us <= to
                && s.Sample.PelvisPitchCentiDegrees != Sample.NotAvailable && s.Sample.LumbarPitchCentiDegrees != Sample.NotAvailable).ToList();
            if (segment.Kind == "sitting" && window.Count == 0)
            {
                continue; // the sensor-fault segment has no readings to check
            }

            Assert.True(window.Count > 50, $"segment {segment.Index} has samples");
            double tilt = Median(window.Select(s => (s.Sample.PelvisPitchCentiDegrees / 100.0) - anatomy.StandingNeutral.PelvisPitch));
            double delta = Median(window.Select(s => ((s.Sample.PelvisPitchCentiDegrees - s.Sample.LumbarPitchCentiDegrees) / 100.0) - neutral.Lordosis));
            Assert.True(Math.Abs(tilt - segment.PelvicTiltDegrees) <= 1, $"segment {segment.Index} ({segment.Kind}): pelvic tilt median {tilt:F2}, scenario {segment.PelvicTiltDegrees:F2}");
            Assert.True(Math.Abs(delta - segment.LordosisDeltaDegrees) <= 1, $"segment {segment.Index} ({segment.Kind}): lordosis delta median {delta:F2}, scenario {segment.LordosisDeltaDegrees:F2}");
        }
    }

    [Fact]
    public void Physiology_FollowsDesignSection5()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            SimulationPlan plan = SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), seed);
            WearerAnatomy a = plan.Anatomy;
            Assert.InRange(a.StandingNeutral.PelvisPitch, 0, 23);
            Assert.InRange(a.StandingNeutral.PelvisPitch - a.SittingNeutral.PelvisPitch, 15, 20);
            Assert.InRange(a.StandingNeutral.Lordosis - a.SittingNeutral.Lordosis, 11, 13);
            foreach (PlannedSegment s in plan.Segments)
            {
                switch (s.Kind)
                {
                    case SegmentKind.SlumpedSitting:
                        Assert.InRange(s.NominalLordosisDeltaDegrees, -20, -15);
                        break;
                    case SegmentKind.AnteriorTiltStanding:
                        Assert.InRange(s.NominalLordosisDeltaDegrees, 10, 14);
                        Assert.True(s.NominalPelvicTiltDegrees > 0, "anterior tilt");
                        break;
                    case SegmentKind.LumbarBend:
                        Assert.True(s.NominalLumbarFlexionDegrees > 35);
                        Assert.True(s.NominalLumbarFlexionDegrees / (s.NominalLumbarFlexionDegrees + s.NominalPelvicTiltDegrees) > 0.6);
                        break;
                    case SegmentKind.HipHingeBend:
                        Assert.True(s.NominalLumbarFlexionDegrees > 35);
                        Assert.True(s.NominalLumbarFlexionDegrees / (s.NominalLumbarFlexionDegrees + s.NominalPelvicTiltDegrees) < 0.6);
                        break;
                    case SegmentKind.Lying:
                        int cursor = s.Index;
                        PostureAngles lying = plan.Timeline.Evaluate(s.End.TotalSeconds - 1, ref cursor, out _);
                        Assert.InRange(Math.Abs(lying.PelvisPitch), 80, 90);
                        Assert.InRange(Math.Abs(lying.LumbarPitch), 80, 90);
                        break;
                    case SegmentKind.Sitting:
                        Assert.InRange(s.NominalPelvicTiltDegrees, -20, -15);
                        break;
                }
            }
        }
    }

    [Fact]
    public void Walking_OscillatesThePelvisNearTwoHertz()
    {
        SimulationPlan plan = SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), 21);
        PlannedSegment walk = plan.Segments.First(s => s.Kind == SegmentKind.Walking);
        int cursor = 0;
        int crossings = 0;
        double previous = 0;
        double centre = walk.NominalPelvicTiltDegrees + plan.Anatomy.StandingNeutral.PelvisPitch;
        double start = walk.Start.TotalSeconds + 5;
        for (double t = start; t < start + 20; t += 0.005)
        {
            double v = plan.Timeline.Evaluate(t, ref cursor, out _).PelvisPitch - centre;
            if (t > start && previous < 0 && v >= 0)
            {
                crossings++;
            }

            previous = v;
        }

        Assert.InRange(crossings / 20.0, 1.75, 2.05);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
