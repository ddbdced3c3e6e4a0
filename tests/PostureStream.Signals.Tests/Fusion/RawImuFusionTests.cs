using PostureStream.Protocol;
using PostureStream.Signals.Fusion;
using static PostureStream.Signals.Tests.Fusion.ImuReadings;

namespace PostureStream.Signals.Tests.Fusion;

/// <summary>Host fusion of raw IMU readings (Signals Fusion README): start-up, bias, acceleration, rate independence, masks.</summary>
public sealed class RawImuFusionTests
{
    public static TheoryData<double, double> Orientations()
    {
        var data = new TheoryData<double, double>();
        foreach (double pitch in new[] { -170.0, -90, -45, 0, 30, 90, 135, 179 })
        {
            foreach (double roll in new[] { -80.0, -30, 0, 45, 85 })
            {
                data.Add(pitch, roll);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Startup_AfterAMisleadingFirstReading_IsWithinHalfADegreeAfterOneSecond(double pitch, double roll)
    {
        // The first reading carries 0.4 g of sideways acceleration (the wearer was moving at power-up): it starts the
        // attitude up to ~25° off; the start-up gains must pull it in within a second. Gyroscope bias 0.5 °/s (ICM-42688-P).
        var fusion = new RawImuFusion();
        var up = Up(pitch, roll);
        var bias = (0.5, -0.4, 0.3);
        fusion.Fuse(0, Reading((up.X + 0.4, up.Y + 0.3, up.Z - 0.2), bias));
        SegmentSample last = default;
        for (long us = 10_000; us <= 1_000_000; us += 10_000)
        {
            last = fusion.Fuse(us, Reading(up, bias));
        }

        // Pitch is the angle in the sagittal plane: near roll ±90° it is ill-defined, its error grows as 1/cos(roll).
        Assert.InRange(AngleError(last.Angles.LumbarPitchDegrees, pitch), 0, 0.5 / Math.Cos(roll * Math.PI / 180));
        Assert.InRange(Math.Abs(last.Angles.LumbarRollDegrees - roll), 0, 0.5);
    }

    [Fact]
    public void GyroBias_WhileStill_IsLearntOnEveryAxis_AndAttitudeFollowsALaterBend()
    {
        // An MPU-6050-sized turn-on bias (several °/s on each axis, the vertical one included).
        var bias = (4.0, -6.0, 2.5);
        var fusion = new RawImuFusion();
        long us = 0;
        for (; us <= 15_000_000; us += 10_000)
        {
            fusion.Fuse(us, Reading(Up(10, -5), bias));
        }

        // Then a 40° forward bend in 2 s about the sensor's y axis (20 °/s), and a hold.
        SegmentSample s = default;
        for (int i = 1; i <= 200; i++)
        {
            us += 10_000;
            double pitch = 10 + (i * 0.2);
            s = fusion.Fuse(us, Reading(Up(pitch, 0), (bias.Item1, bias.Item2 + 20, bias.Item3)));
        }

        Assert.InRange(Math.Abs(s.Angles.PelvisPitchDegrees - 50), 0, 1.0);
        for (int i = 0; i < 100; i++)
        {
            us += 10_000;
            s = fusion.Fuse(us, Reading(Up(50, 0), bias));
        }

        Assert.InRange(Math.Abs(s.Angles.PelvisPitchDegrees - 50), 0, 0.5);
        Assert.InRange(Math.Abs(s.Angles.PelvisRollDegrees), 0, 0.5);
    }

    [Fact]
    public void GaitAccelerations_AreDownWeighted_ToUnderAFifthOfTheAccelerometersOwnTiltError()
    {
        // Standing at pitch 8° while the trunk surges fore-aft (0.3 g) and bounces (0.35 g) at 1.9 steps/s: the
        // accelerometer alone points up to ~17° off. The fused pitch must stay close to 8°.
        var fusion = new RawImuFusion();
        double fusedSquares = 0, accelSquares = 0;
        int n = 0;
        for (long us = 0; us <= 30_000_000; us += 10_000)
        {
            double t = us / 1e6;
            double step = 2 * Math.PI * 1.9 * t;
            var up = Up(8, 0);
            // Forward (horizontal, in the sagittal plane) in the sensor's axes: −z when upright, (sin p, 0, −cos p) at pitch p.
            var forward = (Math.Sin(8 * Math.PI / 180), 0.0, -Math.Cos(8 * Math.PI / 180));
            double surge = 0.3 * Math.Sin(step + 0.7), bounce = 0.35 * Math.Sin(step);
            var accel = (up.X * (1 + bounce) + (forward.Item1 * surge), up.Y * (1 + bounce), up.Z * (1 + bounce) + (forward.Item3 * surge));
            SegmentSample s = fusion.Fuse(us, Reading(accel, (0.0, 0.0, 0.0)));
            if (t > 5)
            {
                fusedSquares += Math.Pow(s.Angles.LumbarPitchDegrees - 8, 2);
                accelSquares += Math.Pow((Math.Atan2(accel.Item3, accel.Item1) * 180 / Math.PI) - 8, 2);
                n++;
            }
        }

        double fused = Math.Sqrt(fusedSquares / n), accelOnly = Math.Sqrt(accelSquares / n);
        Assert.True(accelOnly > 5, $"the test's accelerations tilt the accelerometer by {accelOnly:0.00}° RMS only");
        Assert.True(fused < accelOnly / 5 && fused < 1, $"fused pitch {fused:0.00}° RMS, accelerometer alone {accelOnly:0.00}°");
    }

    [Theory]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(400)]
    public void SampleRate_From25To400Hz_TracksTheSameBend(int rateHz)
    {
        // A smooth 60° bend in 2 s (up to 47 °/s) with a 0.5 °/s bias, after 5 s still: the same answer at every rate
        // (steps from the ticks).
        var fusion = new RawImuFusion();
        long period = 1_000_000 / rateHz;
        var bias = (0.5, 0.5, -0.5);
        long us = 0;
        for (; us < 5_000_000; us += period)
        {
            fusion.Fuse(us, Reading(Up(0, 0), bias));
        }

        long bendStart = us;
        double worst = 0;
        SegmentSample s = default;
        for (; us <= bendStart + 2_000_000; us += period)
        {
            double phase = Math.PI * (us - bendStart) / 2e6;
            double pitch = 30 * (1 - Math.Cos(phase));
            double rate = 15 * Math.PI * Math.Sin(phase);
            s = fusion.Fuse(us, Reading(Up(pitch, 0), (bias.Item1, bias.Item2 + rate, bias.Item3)));
            worst = Math.Max(worst, Math.Abs(s.Angles.LumbarPitchDegrees - pitch));
        }

        // Before the accelerometer was compared with up carried to the step's end, 25 Hz over-rotated by 1.2°.
        Assert.InRange(worst, 0, 0.3);
        Assert.InRange(Math.Abs(s.Angles.LumbarPitchDegrees - 60), 0, 0.3);
    }

    [Fact]
    public void ImuMissingFromTheMask_IsNaNAndAFault_AndRestartsFromItsAccelerometerWhenBack()
    {
        var fusion = new RawImuFusion();
        fusion.Fuse(0, Reading(Up(20, 0), default));
        SegmentSample missing = fusion.Fuse(10_000, Reading(Up(20, 0), default), SensorMask.Lumbar);
        Assert.Equal(SensorFaults.Pelvis, missing.Faults);
        Assert.True(double.IsNaN(missing.Angles.PelvisPitchDegrees) && double.IsNaN(missing.Angles.PelvisRollDegrees));
        Assert.InRange(missing.Angles.LumbarPitchDegrees, 19.5, 20.5);

        // The pelvis IMU comes back mounted differently (a re-initialised sensor): its first reading sets its attitude.
        SegmentSample back = fusion.Fuse(20_000, Reading(Up(-35, 10), default));
        Assert.Equal(SensorFaults.None, back.Faults);
        Assert.InRange(back.Angles.PelvisPitchDegrees, -35.5, -34.5);
        Assert.InRange(back.Angles.PelvisRollDegrees, 9.5, 10.5);
    }

    [Fact]
    public void ATickStepBack_DeviceReset_RestartsTheAttitudeFromTheAccelerometer()
    {
        var fusion = new RawImuFusion();
        for (long us = 0; us < 2_000_000; us += 10_000)
        {
            fusion.Fuse(1_000_000_000 + us, Reading(Up(0, 0), default));
        }

        SegmentSample afterReset = fusion.Fuse(5_000, Reading(Up(45, -20), default));
        Assert.InRange(afterReset.Angles.LumbarPitchDegrees, 44.5, 45.5);
        Assert.InRange(afterReset.Angles.LumbarRollDegrees, -20.5, -19.5);
    }

    [Fact]
    public void Fuse_AllocatesNothing()
    {
        var fusion = new RawImuFusion();
        RawSample sample = Both(0, Reading(Up(12, 3), (0.1, 0.2, 0.3)));
        double sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += fusion.Fuse(i * 10_000L, sample with { TickMicroseconds = (uint)(i * 10_000) }, SensorMask.Both, AccelFullScale, GyroFullScale).Angles.LumbarPitchDegrees;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1000; i < 101_000; i++)
        {
            sum += fusion.Fuse(i * 10_000L, sample, SensorMask.Both, AccelFullScale, GyroFullScale).Angles.LumbarPitchDegrees;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(double.IsNaN(sum));
    }

    [Theory]
    [InlineData(nameof(FusionOptions.ProportionalGain), -1)]
    [InlineData(nameof(FusionOptions.IntegralGain), -0.1)]
    [InlineData(nameof(FusionOptions.MotionReferenceG), 0)]
    public void Options_OutOfRange_AreRejectedByName(string option, double value)
    {
        var options = new FusionOptions();
        typeof(FusionOptions).GetProperty(option)!.SetValue(options, value);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new RawImuFusion(options));
        Assert.Equal(option, e.ParamName);
    }

    private static double AngleError(double a, double b)
    {
        double d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
