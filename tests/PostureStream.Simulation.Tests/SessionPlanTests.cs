using PostureStream.Simulation.Weeks;

namespace PostureStream.Simulation.Tests;

public sealed class SessionPlanTests
{
    [Fact]
    public void Generate_PlansPerWeekDaysFromTheProgrammeStart_DoesSomeOfThem_AndRepeatsBySeed()
    {
        var profile = new WeeksProfile { Days = 42, ProgrammeStartDay = 14 };

        var all = new SessionPlan(3, Adherence: 1).Generate(profile, 7);
        var some = new SessionPlan(3, Adherence: 0.5).Generate(profile, 7);

        // Four programme weeks, sessions on days 0, 2 and 4 of each.
        Assert.Equal(12, all.Count);
        Assert.Equal([0, 2, 4, 7], all.Take(4).Select(s => DateOnly.FromDateTime(s.TimeUtc).DayNumber - profile.FirstDay.AddDays(14).DayNumber));
        Assert.All(all, s => Assert.InRange(s.TimeUtc.Hour, 18, 19));
        Assert.All(all, s => Assert.InRange(s.Duration.TotalMinutes, 10, 30));
        Assert.InRange(some.Count, 1, 11);
        Assert.Equal(some, new SessionPlan(3, Adherence: 0.5).Generate(profile, 7));
        Assert.Empty(new SessionPlan().Generate(profile with { ProgrammeStartDay = null }, 7));
    }
}
