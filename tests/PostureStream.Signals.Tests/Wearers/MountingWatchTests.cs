using PostureStream.Signals.Wearers;

namespace PostureStream.Signals.Tests.Wearers;

/// <summary>
/// The mounting watch of a running wearer judges only quiet standing that closely follows a walk, and names the
/// segment whose angles there are off by more than 8° (points at 10 Hz, device time).
/// </summary>
public sealed class MountingWatchTests
{
    private const long Step = 100_000;

    private static long Walk(MountingWatch watch, long from, double seconds, double pelvisPitch = 0)
    {
        long t = from;
        for (int i = 0; i < seconds * 10; i++, t += Step)
        {
            Assert.Null(watch.Observe(t, walking: true, new SensorAngles(2 * Math.Sin(i), 0, pelvisPitch + (3 * Math.Sin(i)), 0)));
        }

        return t;
    }

    private static IReadOnlyList<WearerSegment>? Stand(MountingWatch watch, ref long t, double seconds, SensorAngles angles)
    {
        IReadOnlyList<WearerSegment>? judged = null;
        for (int i = 0; i < seconds * 10; i++, t += Step)
        {
            judged ??= watch.Observe(t, walking: false, angles);
        }

        return judged;
    }

    [Fact]
    public void QuietStandingAfterAWalk_ReadingOff_NamesThatSegment()
    {
        var watch = new MountingWatch();
        long t = Walk(watch, 0, 8);

        IReadOnlyList<WearerSegment>? moved = Stand(watch, ref t, 8, new SensorAngles(1, -2, 2, 12));

        Assert.Equal([WearerSegment.Pelvis], moved);
    }

    [Fact]
    public void QuietStandingAfterAWalk_ReadingNearZero_NamesNone_AndTheNextWalkArmsItAgain()
    {
        var watch = new MountingWatch();
        long t = Walk(watch, 0, 8);
        Assert.Equal([], Stand(watch, ref t, 8, new SensorAngles(3, 2, -4, 1)));
        Assert.Null(Stand(watch, ref t, 8, new SensorAngles(3, 2, -4, 20)));

        t = Walk(watch, t, 6);

        Assert.Equal([WearerSegment.Pelvis], Stand(watch, ref t, 8, new SensorAngles(3, 2, -4, 20)));
    }

    [Fact]
    public void NoWalk_ShortWalk_OrSittingDownAfterIt_IsNotJudged()
    {
        var watch = new MountingWatch();
        long t = 0;
        Assert.Null(Stand(watch, ref t, 10, new SensorAngles(20, 0, 20, 0)));

        t = Walk(watch, t, 3);
        Assert.Null(Stand(watch, ref t, 10, new SensorAngles(20, 0, 20, 0)));

        // Sitting rotates the pelvis back well beyond where it was during the walk.
        t = Walk(watch, t, 8);
        Assert.Null(Stand(watch, ref t, 10, new SensorAngles(-5, 0, -16, 0)));
    }

    [Fact]
    public void StandingThatStartsLateOrIsNotQuiet_IsNotJudged()
    {
        var watch = new MountingWatch();
        long t = Walk(watch, 0, 8);
        for (int i = 0; i < 120; i++, t += Step)
        {
            // Swaying 3° for 12 s: never quiet, and too late afterwards.
            Assert.Null(watch.Observe(t, walking: false, new SensorAngles(3 * Math.Sin(i / 3.0), 0, 0, 0)));
        }

        Assert.Null(Stand(watch, ref t, 8, new SensorAngles(0, 0, 0, 15)));
    }
}
