namespace PostureStream.Analysis.Tests;

public sealed class DayMetricsBuilderTests
{
    private static readonly DateTime Morning = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Build_GivesAMinuteToTheActivityThatFilledIt_AndLeavesMixedMinutesOut()
    {
        MinuteDigest[] minutes =
        [
            new(Morning, 60, 0, 0, 30, 0, -18, -9),
            new(Morning.AddMinutes(1), 50, 0, 10, 20, 0, -16, -7),
            new(Morning.AddMinutes(2), 0, 60, 0, 0, 12, 1, 6),
            new(Morning.AddMinutes(3), 30, 30, 0, 60, 0, -8, -2),
        ];

        var day = Assert.Single(DayMetricsBuilder.Build(minutes, [], [], TimeZoneInfo.Utc));

        Assert.Equal(2, day.Sitting.Minutes);
        Assert.Equal(110, day.Sitting.Seconds);
        Assert.Equal(50 / 110.0, day.Sitting.FlattenedShare, 9);
        Assert.Equal(-8, day.Sitting.MeanLordosisDeltaDegrees, 9);
        Assert.Equal(1, day.Standing.Minutes);
        Assert.Equal(0.2, day.Standing.HyperextendedShare, 9);
        Assert.Equal(-14, day.SittingMinusStandingLordosisDegrees!.Value, 9);
    }

    [Fact]
    public void Build_AveragesTheDaysNeutrals_AndCountsBends_PerLocalDay()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        NeutralReading[] neutrals = [new(Morning, 12, 40), new(Morning.AddHours(1), 14, 40), new(Morning.AddHours(15.5), 20, 40)];
        BendDigest[] bends = [new(Morning, true), new(Morning.AddMinutes(5), false), new(Morning.AddMinutes(9), true)];

        var days = DayMetricsBuilder.Build([], bends, neutrals, zone);

        Assert.Equal(2, days.Count);
        Assert.Equal(13, days[0].StandingNeutralPelvisPitchDegrees);
        Assert.Equal(2 / 3.0, days[0].LumbarDominantShare!.Value, 9);
        Assert.Equal(new DateOnly(2026, 3, 3), days[1].Date); // 23:30 UTC is already the next day in Berlin
        Assert.Null(days[1].LumbarDominantShare);
    }
}
