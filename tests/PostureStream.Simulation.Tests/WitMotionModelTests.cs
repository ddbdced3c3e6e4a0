using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Simulation.Tests;

public sealed class WitMotionModelTests
{
    private static SimulationPlan QuickDemo(int seed = 3) => SimulationPlan.Create(ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo), seed);

    [Fact]
    public void Readings_SameSeed_AreIdentical_DifferentSeedsDiffer()
    {
        var a = new WitMotionSensorModel(QuickDemo(3), SensorPlacement.Pelvis).Readings().Take(3000).ToList();
        var b = new WitMotionSensorModel(QuickDemo(3), SensorPlacement.Pelvis).Readings().Take(3000).ToList();
        var c = new WitMotionSensorModel(QuickDemo(4), SensorPlacement.Pelvis).Readings().Take(3000).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(90, 0, 0)]
    [InlineData(237, 20, 45)]
    [InlineData(-60, 15, 200)]
    public void WithoutNoise_TheMountingUndone_GivesTheSegmentAnglesToQuantisation(double about, double off, double azimuth)
    {
        var mounting = new SensorMounting(about, off, azimuth);
        var model = new WitMotionSensorModel(QuickDemo(), SensorPlacement.Lumbar, new WitMotionSensorOptions { Mounting = mounting, Noise = false });
        foreach (WitMotionReading r in model.Readings().Where((_, i) => i % 7 == 0))
        {
            Vector3D upInSegment = mounting.Rotation * UpFromAngles(r.RollDegrees, r.PitchDegrees);
            double pitch = Math.Asin(-upInSegment.X) * 180 / Math.PI;
            double roll = Math.Atan2(upInSegment.Y, upInSegment.Z) * 180 / Math.PI;
            Assert.True(Math.Abs(pitch - r.TruePitchDegrees) < 0.02, $"sample {r.Index}: pitch {pitch:F3} vs {r.TruePitchDegrees:F3}");
            if (Math.Abs(r.TruePitchDegrees) < 70)
            {
                Assert.True(Math.Abs(roll - r.TrueRollDegrees) < 0.05, $"sample {r.Index}: roll {roll:F3} vs {r.TrueRollDegrees:F3}");
            }
        }
    }

    [Fact]
    public void Quaternion_AndAngles_DescribeTheSameTilt()
    {
        var model = new WitMotionSensorModel(QuickDemo(), SensorPlacement.Pelvis);
        foreach (WitMotionReading r in model.Readings().Where((_, i) => i % 11 == 0))
        {
            Vector3D fromAngles = UpFromAngles(r.RollDegrees, r.PitchDegrees);
            Vector3D fromQuaternion = UpFromQuaternion(r.Quaternion);
            Assert.True((fromAngles - fromQuaternion).Length < 2e-4, $"sample {r.Index}");
        }
    }

    [Fact]
    public void FusionError_IsSmallAtRest_AndAFewDegreesAtMostWhileWalkingAndBending()
    {
        SimulationPlan plan = QuickDemo();
        var mounting = new SensorMounting(130, 12, 80);
        var model = new WitMotionSensorModel(plan, SensorPlacement.Lumbar, new WitMotionSensorOptions { Mounting = mounting });
        var errors = new List<(Activity Activity, double Error)>();
        int cursor = 0;
        foreach (WitMotionReading r in model.Readings())
        {
            plan.Timeline.Evaluate(r.SampleTimeMicroseconds / 1e6, ref cursor, out Activity activity);
            Vector3D upInSegment = mounting.Rotation * UpFromAngles(r.RollDegrees, r.PitchDegrees);
            errors.Add((activity, (Math.Asin(-upInSegment.X) * 180 / Math.PI) - r.TruePitchDegrees));
        }

        double Rms(IEnumerable<double> e) => Math.Sqrt(e.Average(x => x * x));
        double still = Rms(errors.Where(e => e.Activity is Activity.Standing or Activity.Sitting or Activity.Lying).Select(e => e.Error));
        double moving = errors.Where(e => e.Activity is Activity.Walking or Activity.Bending).Max(e => Math.Abs(e.Error));
        Assert.True(still < 0.5, $"RMS error still: {still:F2}°");
        Assert.InRange(moving, 0.5, 5);
    }

    [Fact]
    public void AtRest_TheAccelerometerReadsOneGAlongTheReportedUp()
    {
        var model = new WitMotionSensorModel(QuickDemo(), SensorPlacement.Pelvis, new WitMotionSensorOptions { Mounting = new SensorMounting(45, 10, 0) });
        WitMotionReading r = model.Readings().Skip(100).First(); // standing still, 2 s in
        var accel = new Vector3D(
            WitMotionScale.FromCounts(r.Acceleration.X, WitMotionScale.AccelerationG),
            WitMotionScale.FromCounts(r.Acceleration.Y, WitMotionScale.AccelerationG),
            WitMotionScale.FromCounts(r.Acceleration.Z, WitMotionScale.AccelerationG));
        Assert.InRange(accel.Length, 0.99, 1.01);
        Assert.True((accel.Normalized() - UpFromAngles(r.RollDegrees, r.PitchDegrees)).Length < 0.01);
    }

    [Fact]
    public void Arrivals_ComeInBursts_InOrder_NoSoonerThanTaken_AndAboutOnePercentAreLost()
    {
        var link = WitMotionLinkProfile.Ble with { ConnectionIntervalMin = TimeSpan.FromMilliseconds(45) };
        var model = new WitMotionSensorModel(QuickDemo(), SensorPlacement.Lumbar, new WitMotionSensorOptions { Link = link });
        var readings = model.Readings().ToList();
        var delivered = readings.Where(r => r.IsDelivered).ToList();
        Assert.All(delivered.Zip(delivered.Skip(1)), p => Assert.True(p.Second.ArrivalTimeMicroseconds >= p.First.ArrivalTimeMicroseconds));
        Assert.All(delivered, r => Assert.InRange(r.ArrivalTimeMicroseconds - r.SampleTimeMicroseconds, 1000, 1000 + 50_000 + 10_000 + 20_000));
        double lossRate = readings.Count(r => r.Delivery == SampleDelivery.Lost) / (double)readings.Count;
        Assert.InRange(lossRate, 0.005, 0.015);
        int distinctArrivals = delivered.Select(r => r.ArrivalTimeMicroseconds).Distinct().Count();
        Assert.True(distinctArrivals < delivered.Count, "some samples share a connection event");
    }

    [Fact]
    public void SampleTimes_FollowTheSkewedRate()
    {
        var model = new WitMotionSensorModel(QuickDemo(), SensorPlacement.Pelvis, new WitMotionSensorOptions { ClockSkewPpm = 2500 });
        var readings = model.Readings().ToList();
        double span = (readings[^1].SampleTimeMicroseconds - readings[0].SampleTimeMicroseconds) / 1e6;
        double rate = (readings.Count - 1) / span;
        Assert.InRange(rate, 50 * (1 + 2300e-6), 50 * (1 + 2700e-6));
    }

    [Fact]
    public void AFaultOnItsSegment_DisconnectsOnlyThatSensor()
    {
        SimulationPlan plan = QuickDemo();
        var fault = plan.Segments.First(s => s.Definition.Fault == SensorFault.Lumbar);
        long from = (long)fault.Start.TotalMicroseconds + 20_000, to = (long)fault.End.TotalMicroseconds - 20_000;
        var lumbar = new WitMotionSensorModel(plan, SensorPlacement.Lumbar).Readings().Where(r => r.SampleTimeMicroseconds > from && r.SampleTimeMicroseconds < to).ToList();
        var pelvis = new WitMotionSensorModel(plan, SensorPlacement.Pelvis).Readings().Where(r => r.SampleTimeMicroseconds > from && r.SampleTimeMicroseconds < to).ToList();
        Assert.All(lumbar, r => Assert.Equal(SampleDelivery.Disconnected, r.Delivery));
        Assert.DoesNotContain(pelvis, r => r.Delivery == SampleDelivery.Disconnected);
    }

    [Theory]
    [InlineData(180.0, short.MinValue)]
    [InlineData(-180.0, short.MinValue)]
    [InlineData(90.0, 16384)]
    [InlineData(-0.0054931640625, -1)]
    public void AngleCounts_AreThe180Over32768Steps_Wrapped(double degrees, short counts) =>
        Assert.Equal(counts, WitMotionScale.AngleCounts(degrees));

    /// <summary>The sensor's up direction from its Z-Y-X roll and pitch: (−sin θ, cos θ sin φ, cos θ cos φ).</summary>
    private static Vector3D UpFromAngles(double rollDegrees, double pitchDegrees)
    {
        double roll = rollDegrees * Math.PI / 180, pitch = pitchDegrees * Math.PI / 180;
        return new Vector3D(-Math.Sin(pitch), Math.Cos(pitch) * Math.Sin(roll), Math.Cos(pitch) * Math.Cos(roll));
    }

    /// <summary>Rᵀ·ẑ for the rotation of <paramref name="q"/>: the third row of R.</summary>
    private static Vector3D UpFromQuaternion(QuaternionCounts q)
    {
        double w = q.W / 32768.0, x = q.X / 32768.0, y = q.Y / 32768.0, z = q.Z / 32768.0;
        return new Vector3D(2 * ((x * z) - (w * y)), 2 * ((y * z) + (w * x)), 1 - (2 * ((x * x) + (y * y))));
    }
}
