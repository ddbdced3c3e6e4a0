using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Trends;

namespace PostureStream.Testing;

/// <summary>
/// The eight simulated weeks the physiotherapist's-view tests share: a tight-hamstring wearer with two baseline weeks,
/// then a six-week stretching programme (three sessions a week planned) that truly raises the habitual standing pelvic
/// tilt by 3° over its first two weeks. Written to a store by <see cref="SimulatedProgrammeStore"/> with one seed, so
/// every test project reads the same store.
/// </summary>
public static class SixWeekProgramme
{
    public const int Seed = 22;

    public static readonly WeeksProfile Profile = new()
    {
        Type = WearerType.TightHamstring,
        Days = 56,
        ProgrammeStartDay = 14,
        EffectDegrees = 3,
        RampDays = 14,
        PatternReductionAtFullEffect = 0.3,
    };

    public static DateOnly ProgrammeStart => Profile.FirstDay.AddDays(Profile.ProgrammeStartDay!.Value);

    /// <summary>The whole eight weeks as a UTC trend query over every device.</summary>
    public static TrendQuery WholeRange => new(
        Profile.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Profile.FirstDay.AddDays(Profile.Days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), null, TimeZoneInfo.Utc);

    /// <summary>Writes the weeks, the programme and its sessions to a new store at <paramref name="path"/>.</summary>
    public static Task<SimulatedWeeks> WriteAsync(string path, CancellationToken cancellationToken) =>
        SimulatedProgrammeStore.WriteAsync(path, Profile, Seed, cancellationToken);
}
