using PostureStream.Simulation.Weeks;
using PostureStream.Testing;

namespace PostureStream.Analysis.Tests;

public sealed class PatternClassifierTests
{
    [Theory]
    [InlineData(WearerType.TightHamstring, BackPattern.Flattening)]
    [InlineData(WearerType.WeakHamstring, BackPattern.HyperExtension)]
    [InlineData(WearerType.Mixed, BackPattern.MixedByContext)]
    [InlineData(WearerType.Balanced, BackPattern.NoClearPattern)]
    public void Classify_SimulatedWearer_NamesItsPattern(WearerType type, BackPattern expected)
    {
        for (int seed = 1; seed <= 3; seed++)
        {
            var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = type, Days = 14 }, seed);

            var summary = PatternClassifier.Classify(SimulatedDays.Of(weeks), new PatternOptions());

            Assert.Equal(expected, summary.Pattern);
            Assert.Equal(weeks.Truth.Pattern, PatternWording.Name(summary.Pattern));
        }
    }

    [Theory]
    [InlineData(ContextLean.Flattened, ContextLean.Hyperextended, BackPattern.MixedByContext)]
    [InlineData(ContextLean.Hyperextended, ContextLean.Flattened, BackPattern.MixedByContext)]
    [InlineData(ContextLean.Flattened, ContextLean.Neither, BackPattern.Flattening)]
    [InlineData(ContextLean.Unknown, ContextLean.Hyperextended, BackPattern.HyperExtension)]
    [InlineData(ContextLean.Neither, ContextLean.Neither, BackPattern.NoClearPattern)]
    [InlineData(ContextLean.Unknown, ContextLean.Unknown, BackPattern.NotEnoughData)]
    public void Combine_TwoContexts_GiveThePattern(ContextLean sitting, ContextLean standing, BackPattern expected) =>
        Assert.Equal(expected, PatternClassifier.Combine(sitting, standing));

    [Fact]
    public void Lean_NeedsTheMarkedShareAndDominance()
    {
        var options = new PatternOptions { MarkedShare = 0.2, DominanceRatio = 2 };

        Assert.Equal(ContextLean.Flattened, PatternClassifier.Lean(new ContextTotals(60, 3600, 720, 300, 0, 0), options, 30));
        Assert.Equal(ContextLean.Neither, PatternClassifier.Lean(new ContextTotals(60, 3600, 720, 400, 0, 0), options, 30));
        Assert.Equal(ContextLean.Neither, PatternClassifier.Lean(new ContextTotals(60, 3600, 700, 0, 0, 0), options, 30));
        Assert.Equal(ContextLean.Unknown, PatternClassifier.Lean(new ContextTotals(20, 1200, 1200, 0, 0, 0), options, 30));
    }

    [Fact]
    public void Classify_FewerDaysThanTheMinimum_SaysNotEnoughData()
    {
        var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = WearerType.TightHamstring, Days = 2 }, 1);

        var summary = PatternClassifier.Classify(SimulatedDays.Of(weeks), new PatternOptions { MinimumDays = 3 });

        Assert.Equal(BackPattern.NotEnoughData, summary.Pattern);
        Assert.StartsWith("Not enough days", PatternWording.Headline(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ThresholdsAreConfigurable()
    {
        var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = WearerType.TightHamstring, Days = 7 }, 2);

        var summary = PatternClassifier.Classify(SimulatedDays.Of(weeks), new PatternOptions { MarkedShare = 0.95 });

        Assert.Equal(BackPattern.NoClearPattern, summary.Pattern);
    }

    [Fact]
    public void Options_OutOfRange_AreRejectedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PatternOptions { MarkedShare = 1.5 }.Validate());

        Assert.Equal("MarkedShare", e.ParamName);
    }

    [Fact]
    public void Card_SaysConsistentWith_NeverADiagnosis_AndPointsToThePhysiotherapist()
    {
        var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = WearerType.Mixed, Days = 14 }, 4);
        var summary = PatternClassifier.Classify(SimulatedDays.Of(weeks), new PatternOptions());

        string card = PatternWording.Card(summary);

        Assert.Contains("Consistent with a pattern that depends on context: flat when sitting, arched when standing.", card, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", card, StringComparison.Ordinal);
        Assert.Contains("Discuss it with your physiotherapist", card, StringComparison.Ordinal);
        Assert.Contains("of 14 days show the same pattern", card, StringComparison.Ordinal);
        Assert.DoesNotContain("you have", card, StringComparison.OrdinalIgnoreCase);
    }
}
