namespace PostureStream.Analysis.Tests;

public sealed class AdherenceTests
{
    private static readonly Programme Stretching = new("0123456789abcdef", "Hamstring stretching", ProgrammeKind.Stretch, ["hamstrings"], new(2026, 3, 4), null, 3);

    private static ProgrammeSession At(int day, int hour = 18, string device = "0123456789abcdef") =>
        new(device, new DateTime(2026, 3, 4, hour, 0, 0, DateTimeKind.Utc).AddDays(day), TimeSpan.FromMinutes(20), null);

    [Fact]
    public void Weekly_CountsSessionsPerProgrammeWeek_AgainstThePlan_ProRataInTheUnfinishedWeek()
    {
        ProgrammeSession[] sessions = [At(0), At(2), At(5), At(7), At(-1), At(8, device: "ffffffffffffffff"), At(10)];

        var weeks = Adherence.Weekly(Stretching, sessions, today: new DateOnly(2026, 3, 14), TimeZoneInfo.Utc);

        Assert.Equal([(1, 3, 3), (2, 2, 2)], weeks.Select(w => (w.Week, w.Done, w.Planned)));
        Assert.Equal(new DateOnly(2026, 3, 11), weeks[1].Start);
        Assert.Equal(1.0, weeks[0].Ratio);
    }

    [Fact]
    public void Weekly_StopsAtTheProgrammesEnd_AndUsesTheLocalDay()
    {
        var ended = Stretching with { End = new DateOnly(2026, 3, 10) };
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 23:30 UTC on 10 March is already 11 March in Berlin: after the end.
        var weeks = Adherence.Weekly(ended, [At(6, hour: 23).With(30), At(1)], today: new DateOnly(2026, 4, 1), berlin);

        Assert.Equal([(1, 1, 3)], weeks.Select(w => (w.Week, w.Done, w.Planned)));
    }
}

internal static class SessionExtensions
{
    public static ProgrammeSession With(this ProgrammeSession session, int minutes) => session with { TimeUtc = session.TimeUtc.AddMinutes(minutes) };
}
