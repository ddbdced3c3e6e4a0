namespace PostureStream.Analysis;

/// <summary>
/// Sessions done versus planned per programme week. Weeks run from the programme's start day (not calendar weeks), so
/// week 1 is always a whole week of the plan; the last, unfinished week is planned pro rata to the days it has had.
/// A stored session counts for its own programme only, so two programmes of one wearer keep their sessions apart.
/// </summary>
public static class Adherence
{
    public static IReadOnlyList<AdherenceWeek> Weekly(Programme programme, IEnumerable<ProgrammeSession> sessions, DateOnly today, TimeZoneInfo zone)
    {
        var last = programme.End is DateOnly end && end < today ? end : today;
        if (last < programme.Start)
        {
            return [];
        }

        var done = sessions
            .Where(s => s.DeviceId == programme.DeviceId && (programme.Id == 0 || s.ProgrammeId == 0 || s.ProgrammeId == programme.Id))
            .Select(s => Storage.Trends.TrendCalendar.LocalDate(s.TimeUtc, zone))
            .Where(d => d >= programme.Start && d <= last)
            .GroupBy(d => (d.DayNumber - programme.Start.DayNumber) / 7)
            .ToDictionary(g => g.Key, g => g.Count());

        int weeks = ((last.DayNumber - programme.Start.DayNumber) / 7) + 1;
        var result = new List<AdherenceWeek>(weeks);
        for (int w = 0; w < weeks; w++)
        {
            var start = programme.Start.AddDays(7 * w);
            int days = Math.Min(7, last.DayNumber - start.DayNumber + 1);
            int planned = (int)Math.Round(programme.PlannedSessionsPerWeek * days / 7.0, MidpointRounding.AwayFromZero);
            result.Add(new AdherenceWeek(w + 1, start, done.GetValueOrDefault(w), planned));
        }

        return result;
    }
}
