using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Tests.Detection;

public sealed class WalkingDetectorTests
{
    /// <summary>Feeds a synthetic pelvis pitch for some seconds; returns the fraction of the last half judged walking and the first walking time.</summary>
    private static (double WalkingShare, double FirstWalkingSeconds) Feed(Func<double, double> pitch, double rateHz, double seconds, double noise, int seed = 7)
    {
        var detector = new WalkingDetector(new DetectionOptions());
        var random = new Random(seed);
        int n = (int)(seconds * rateHz);
        int walkingLate = 0;
        double first = double.NaN;
        for (int i = 0; i < n; i++)
        {
            double t = i / rateHz;
            long micros = (long)Math.Round(t * 1e6);
            double value = pitch(t) + (noise * Gaussian(random));
            bool walking = detector.Update(micros, value);
            if (walking && double.IsNaN(first))
            {
                first = t;
            }

            if (walking && i >= n / 2)
            {
                walkingLate++;
            }
        }

        return (walkingLate / (double)(n - (n / 2)), first);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Sin(2 * Math.PI * random.NextDouble());

    [Theory]
    [InlineData(100, 1.9, 1.0)]
    [InlineData(104, 1.9, 1.0)]
    [InlineData(100, 1.9, 1.005)] // device clock 0.5 % fast
    [InlineData(104, 1.9, 0.995)] // device clock 0.5 % slow
    [InlineData(100, 1.3, 1.0)]
    [InlineData(100, 2.4, 1.0)]
    public void Gait_IsRecognisedWithinThreeSeconds_AndHeld(double rateHz, double stepHz, double skew)
    {
        var (share, first) = Feed(t => 15 + (2 * Math.Sin(2 * Math.PI * stepHz * skew * t)), rateHz, 20, noise: 0.3);
        Assert.InRange(first, 0.5, 3.0);
        Assert.Equal(1.0, share);
    }

    [Fact]
    public void StillWithNoise_IsNotWalking()
    {
        var (share, first) = Feed(_ => 15, 100, 60, noise: 0.4);
        Assert.Equal(0, share);
        Assert.True(double.IsNaN(first));
    }

    [Fact]
    public void SlowSway_IsNotWalking()
    {
        var (_, first) = Feed(t => 15 + (3 * Math.Sin(2 * Math.PI * 0.5 * t)), 100, 60, noise: 0.2);
        Assert.True(double.IsNaN(first), $"walking at {first} s");
    }

    [Fact]
    public void FastTremor_IsNotWalking()
    {
        var (_, first) = Feed(t => 15 + (1.5 * Math.Sin(2 * Math.PI * 4 * t)), 100, 30, noise: 0.1);
        Assert.True(double.IsNaN(first), $"walking at {first} s");
    }

    [Fact]
    public void Stopping_EndsWalkingWithinTwoSeconds()
    {
        var detector = new WalkingDetector(new DetectionOptions());
        long micros = 0;
        for (int i = 0; i < 1000; i++, micros += 10_000)
        {
            detector.Update(micros, 15 + (2 * Math.Sin(2 * Math.PI * 1.9 * i / 100.0)));
        }

        Assert.True(detector.IsWalking);
        Assert.True(detector.WalkingDuration(micros) > TimeSpan.FromSeconds(7));
        long stopped = micros;
        while (detector.Update(micros, 15))
        {
            micros += 10_000;
        }

        Assert.InRange(micros - stopped, 0, 2_000_000);
    }
}
