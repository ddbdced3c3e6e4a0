using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Simulation.Tests;

/// <summary>A sensor taken off and stuck on another way mid-scenario, and the functional-calibration routine as a scenario.</summary>
public sealed class WitMotionReattachmentTests
{
    private static Vector3D Up(WitMotionReading r)
    {
        double roll = r.RollDegrees * Math.PI / 180, pitch = r.PitchDegrees * Math.PI / 180;
        return new Vector3D(-Math.Sin(pitch), Math.Cos(pitch) * Math.Sin(roll), Math.Cos(pitch) * Math.Cos(roll));
    }

    [Fact]
    public void Reattached_BeforeItTheFirstMounting_AfterItTheSecond()
    {
        SimulationPlan plan = SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), 3);
        var first = new SensorMounting(0, 0, 0);
        var second = new SensorMounting(30, 0, 0);
        var at = TimeSpan.FromSeconds(100);
        var model = new WitMotionSensorModel(plan, SensorPlacement.Pelvis, new WitMotionSensorOptions
        {
            Mounting = first, Noise = false, Reattached = new SensorReattachment(at, second),
        });

        foreach (WitMotionReading r in model.Readings().Where((_, i) => i % 11 == 0))
        {
            SensorMounting sits = r.SampleTimeMicroseconds < at.TotalMicroseconds ? first : second;
            Vector3D upInSegment = sits.Rotation * Up(r);
            double pitch = Math.Asin(-upInSegment.X) * 180 / Math.PI;
            Assert.True(Math.Abs(pitch - r.TruePitchDegrees) < 0.05, $"sample {r.Index} at {r.SampleTimeMicroseconds} µs: pitch {pitch:F3} vs {r.TruePitchDegrees:F3}");
        }
    }

    [Fact]
    public void FunctionalCalibration_IsABuiltInRoutine_NotADayThatQualityScores()
    {
        Scenario routine = ScenarioCatalog.Resolve(BuiltInScenarios.FunctionalCalibration);

        Assert.Equal(CalibrationRoutine.Duration, routine.Duration);
        Assert.Equal(CalibrationRoutine.Segments, routine.Segments);
        Assert.DoesNotContain(BuiltInScenarios.FunctionalCalibration, BuiltInScenarios.Names);
        Assert.Contains(BuiltInScenarios.FunctionalCalibration, BuiltInScenarios.Routines);
    }
}
