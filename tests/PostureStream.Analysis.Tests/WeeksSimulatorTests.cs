using PostureStream.Simulation.Weeks;

namespace PostureStream.Analysis.Tests;

public sealed class WeeksSimulatorTests
{
    [Fact]
    public void Generate_SameSeed_SameWeeks()
    {
        var profile = new WeeksProfile { Days = 3 };

        var a = WeeksSimulator.Generate(profile, 9);
        var b = WeeksSimulator.Generate(profile, 9);

        Assert.Equal(a.Minutes, b.Minutes);
        Assert.Equal(a.Neutrals, b.Neutrals);
    }

    [Fact]
    public void Neutrals_CarryTheHabitualInclination_WithThePlacementError()
    {
        var profile = new WeeksProfile { Days = 300, WearingHours = 1, PlacementErrorDegrees = 1.5 };
        var weeks = WeeksSimulator.Generate(profile, 4);

        // The first neutral of each day: habitual inclination + placement (SD 1.5°) + quiet-stance sway (SD 0.3°).
        var errors = weeks.Neutrals.GroupBy(n => n.TimeUtc.Date).Select((g, day) => g.First().PelvisPitch - weeks.Truth.HabitualStandingInclination[day]).ToList();
        double mean = errors.Average();
        double sd = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Count - 1));

        Assert.InRange(sd, 1.35, 1.75);
        Assert.InRange(mean, -0.3, 0.3);
    }

    [Fact]
    public void Programme_RampsTheHabitualInclinationToTheFullEffect()
    {
        var profile = new WeeksProfile { Days = 30, ProgrammeStartDay = 10, EffectDegrees = 3, RampDays = 10, DailyVariationDegrees = 0 };

        var truth = WeeksSimulator.Generate(profile, 1).Truth;

        Assert.Equal(12, truth.HabitualStandingInclination[9], 9);
        Assert.Equal(12.3, truth.HabitualStandingInclination[10], 9);
        Assert.Equal(15, truth.HabitualStandingInclination[19], 9);
        Assert.Equal(15, truth.HabitualStandingInclination[29], 9);
        Assert.Equal(new DateOnly(2026, 3, 11), truth.ProgrammeStart);
    }

    [Fact]
    public void Minutes_AreWholeMinutesOfOneActivity_WithTheProductsStates()
    {
        var weeks = WeeksSimulator.Generate(new WeeksProfile { Days = 2, Type = WearerType.WeakHamstring }, 2);

        Assert.Equal(2 * 10 * 60, weeks.Minutes.Count);
        Assert.All(weeks.Minutes, m => Assert.Equal(60, m.SecondsNeutral + m.SecondsFlattened + m.SecondsHyperextended, 9));
        Assert.True(weeks.Minutes.Sum(m => m.SecondsHyperextended) > 5 * weeks.Minutes.Sum(m => m.SecondsFlattened));
    }
}
