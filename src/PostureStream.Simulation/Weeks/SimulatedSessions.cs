namespace PostureStream.Simulation.Weeks;

/// <summary>One exercise session a simulated wearer did.</summary>
public readonly record struct SimulatedSession(DateTime TimeUtc, TimeSpan Duration);

/// <summary>
/// The sessions of a simulated programme: <paramref name="PerWeek"/> planned a week, on days spread evenly through each
/// programme week, each done with probability <paramref name="Adherence"/>, in the evening (18:00–20:00), 10–30 min.
/// </summary>
public sealed record SessionPlan(int PerWeek = 3, double Adherence = 0.85)
{
    /// <summary>The sessions from the profile's programme start to its last day (none without a programme). The same seed gives the same sessions.</summary>
    public IReadOnlyList<SimulatedSession> Generate(WeeksProfile profile, int seed)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (PerWeek is < 0 or > 7 || Adherence is < 0 or > 1)
        {
            throw new ArgumentException($"a session plan needs 0–7 sessions a week and an adherence of 0–1, not {PerWeek} and {Adherence}");
        }

        var sessions = new List<SimulatedSession>();
        if (profile.ProgrammeStartDay is not int start || PerWeek == 0)
        {
            return sessions;
        }

        var random = SeedMixer.Create(seed, SeedMixer.Sessions);
        for (int day = start; day < profile.Days; day++)
        {
            int inWeek = (day - start) % 7;
            // Planned on the days k·7/PerWeek of each programme week (3 a week: days 0, 2 and 4).
            bool planned = Enumerable.Range(0, PerWeek).Any(k => k * 7 / PerWeek == inWeek);
            if (planned && random.NextDouble() < Adherence)
            {
                var time = profile.FirstDay.AddDays(day).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc).AddMinutes(random.Next(0, 120));
                sessions.Add(new SimulatedSession(time, TimeSpan.FromMinutes(random.Next(10, 31))));
            }
        }

        return sessions;
    }
}
