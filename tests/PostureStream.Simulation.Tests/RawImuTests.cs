using PostureStream.Protocol;
using PostureStream.Simulation;
using PostureStream.Simulation.Imu;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Simulation.Tests;

/// <summary>The psp-raw profile: RAW frames whose readings follow the wearer's motion and err like the datasheet says.</summary>
public sealed class RawImuTests
{
    private static SimulationPlan Plan(string name, ImuModel imu, int seed = 1)
    {
        Scenario s = ScenarioCatalog.Resolve(name);
        return SimulationPlan.Create(s with { Device = s.Device with { Output = DeviceOutput.PspRaw, ImuModel = imu } }, seed);
    }

    private static double G(short raw, double fullScale) => RawFullScale.ToPhysical(raw, fullScale);

    [Fact]
    public void Capture_IsRawFrames_OfAtMostEight_DecodingWithoutErrors_AndTheTruthIsTheAnglesProfiles()
    {
        SimulationPlan plan = Plan(BuiltInScenarios.SustainTest, ImuModel.Mpu6050);
        byte[] capture = CaptureWriter.ToArray(plan);
        var decoder = new PspStreamDecoder();
        ReadOnlySpan<byte> input = capture;
        int raw = 0, samples = 0;
        while (decoder.TryDecode(ref input, out PspFrame frame))
        {
            Assert.NotEqual(PspMessageType.Samples, frame.Type);
            if (frame.Type == PspMessageType.Raw)
            {
                raw++;
                Assert.InRange(frame.RawSampleCount, 1, 8);
                Assert.Equal((4, 500), (frame.RawAccelFullScaleG, frame.RawGyroFullScaleDps));
            }
        }

        Assert.True(raw > 1000);
        Assert.Equal(0, decoder.Stats.CrcErrors + decoder.Stats.BadLengths + decoder.Stats.UnknownTypes);
        _ = samples;

        // The answer key does not depend on what the board sends: the same alerts as the angles profile.
        Scenario angles = ScenarioCatalog.Resolve(BuiltInScenarios.SustainTest);
        GroundTruth truthRaw = GroundTruth.Compute(plan);
        GroundTruth truthAngles = GroundTruth.Compute(SimulationPlan.Create(angles, 1));
        Assert.Equal(truthAngles.Alerts.Select(a => (a.Kind, a.Phase)), truthRaw.Alerts.Select(a => (a.Kind, a.Phase)));
    }

    [Fact]
    public void Readings_StandingStillReadGravityOnX_WalkingShakesTheAccelerometer_BendingTurnsTheGyroscope()
    {
        SimulationPlan plan = Plan(BuiltInScenarios.QuickDemo, ImuModel.Icm42688P);
        var norms = new Dictionary<Activity, List<double>>();
        var ax = new List<double>();
        double maxRate = 0;
        foreach (TracedFrame frame in SampleTrace.Frames(plan))
        {
            if (frame.Message is not RawMessage m || frame.Dropped || (m.ImuMask & SensorMask.Pelvis) == 0)
            {
                continue;
            }

            for (int i = 0; i < m.Samples.Length; i++)
            {
                ImuReading p = m.Samples[i].Pelvis;
                double x = G(p.Ax, 4), y = G(p.Ay, 4), z = G(p.Az, 4);
                Activity activity = frame.Samples[i].Activity;
                (norms.TryGetValue(activity, out var list) ? list : norms[activity] = []).Add(Math.Sqrt((x * x) + (y * y) + (z * z)));
                if (frame.Samples[i].Segment == 0 && i == 0)
                {
                    ax.Add(x / Math.Sqrt((x * x) + (y * y) + (z * z)));
                }

                if (activity == Activity.Bending)
                {
                    maxRate = Math.Max(maxRate, Math.Abs(G(p.Gy, 500)));
                }
            }
        }

        // Upright with a pelvis pitch of 0–23° and a 2° mounting: gravity mostly on +x.
        Assert.All(ax, a => Assert.InRange(a, Math.Cos(30 * Math.PI / 180), 1));
        Assert.InRange(StdDev(norms[Activity.Standing]), 0, 0.02);
        Assert.InRange(StdDev(norms[Activity.Walking]), 0.15, 0.5);     // bounce and surge of 0.2–0.4 g
        Assert.InRange(norms[Activity.Walking].Max(), 1.2, 2.0);
        Assert.InRange(maxRate, 20, 200);                                // a 50° bend in 1.5 s
    }

    [Fact]
    public void StillGyroscope_ReadsItsOffset_WithTheDatasheetNoise()
    {
        // MPU-6050: offsets of several °/s (±20 °/s tolerance), noise 0.005 °/s/√Hz over 44 Hz ≈ 0.033 °/s plus the
        // 0.015 °/s quantisation at 500 °/s; the ICM-42688-P's offsets are within ±0.5 °/s.
        foreach ((ImuModel model, double maxOffset) in new[] { (ImuModel.Mpu6050, 25.0), (ImuModel.Icm42688P, 0.7) })
        {
            var gx = new List<double>(); // the pitch axis: the slow heading wander turns about the vertical (x) axis, not this one
            foreach (TracedFrame frame in SampleTrace.Frames(Plan(BuiltInScenarios.SustainTest, model, seed: 3)).Take(120))
            {
                if (frame.Message is RawMessage m)
                {
                    gx.AddRange(m.Samples.Where((_, i) => frame.Samples[i].Segment == 0).Select(s => G(s.Lumbar.Gy, 500)));
                }
            }

            Assert.InRange(Math.Abs(gx.Average()), 0, maxOffset);
            Assert.InRange(StdDev(gx), 0.005, 0.5);
        }
    }

    [Fact]
    public void ScenarioFile_ChoosesTheProfileAndTheImu_AndRejectsAnUnknownOne()
    {
        Scenario s = ScenarioFile.Parse("""{ "device": { "profile": "psp-raw", "imu": "mpu-6050", "accelFullScaleG": 8, "gyroFullScaleDps": 1000, "samplesPerFrame": 12 }, "segments": [ { "kind": "standing", "seconds": 5 } ] }""");
        Assert.Equal((DeviceOutput.PspRaw, "mpu-6050", (byte)8, (ushort)1000, 8), (s.Device.Output, s.Device.ImuModel.Name, s.Device.AccelFullScaleG, s.Device.GyroFullScaleDps, s.Device.FrameSamples));
        Assert.Contains("device.imu", Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("""{ "device": { "imu": "bmx-1" }, "segments": [ { "kind": "standing", "seconds": 5 } ] }""")).Message, StringComparison.Ordinal);
        Assert.Contains("accelFullScaleG", Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("""{ "device": { "accelFullScaleG": 3 }, "segments": [ { "kind": "standing", "seconds": 5 } ] }""")).Message, StringComparison.Ordinal);
    }

    private static double StdDev(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
