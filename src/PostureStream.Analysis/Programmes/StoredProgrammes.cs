using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;
using PostureStream.Vocabulary;

namespace PostureStream.Analysis;

/// <summary>
/// A wearer's programmes, sessions and standing neutrals as the analysis needs them, read from any store
/// (<see cref="IProgrammeQueries"/>): so callers pass a store, not lists they gathered themselves.
/// </summary>
public static class StoredProgrammes
{
    /// <summary>The stored programmes (of one device id, or of all), by id.</summary>
    public static async Task<IReadOnlyList<Programme>> ReadAsync(IProgrammeQueries queries, string? deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rows = await queries.ProgrammesAsync(deviceId, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToProgramme)];
    }

    /// <summary>The sessions in the query's range.</summary>
    public static async Task<IReadOnlyList<ProgrammeSession>> SessionsAsync(IProgrammeQueries queries, TrendQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rows = await queries.SessionsAsync(query, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(s => new ProgrammeSession(s.DeviceId, s.TimeUtc, s.Duration, s.Note) { ProgrammeId = s.ProgrammeId })];
    }

    /// <summary>
    /// The standing neutrals taken in the query's range: the habitual standing inclination at each calibration (sitting
    /// neutrals are left out; a neutral without both pitches cannot give the lordosis and is left out too).
    /// </summary>
    public static async Task<IReadOnlyList<NeutralReading>> StandingNeutralsAsync(IProgrammeQueries queries, TrendQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rows = await queries.NeutralsAsync(query, cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows
                .Where(n => n.Posture == Activity.Standing && double.IsFinite(n.PelvisPitchDegrees) && double.IsFinite(n.LumbarPitchDegrees))
                .Select(n => new NeutralReading(n.TimeUtc, n.PelvisPitchDegrees, n.PelvisPitchDegrees - n.LumbarPitchDegrees)),
        ];
    }

    /// <summary>
    /// Adherence per programme week from the stored sessions: the programme's sessions from its start to
    /// <paramref name="today"/> (or its end), counted per week against its plan.
    /// </summary>
    public static async Task<IReadOnlyList<AdherenceWeek>> AdherenceAsync(
        IProgrammeQueries queries, Programme programme, DateOnly today, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(zone);
        var last = programme.End is DateOnly end && end < today ? end : today;
        if (last < programme.Start)
        {
            return [];
        }

        var range = new TrendQuery(TrendCalendar.DayStartUtc(programme.Start, zone), TrendCalendar.DayStartUtc(last.AddDays(1), zone), programme.DeviceId, zone);
        return Adherence.Weekly(programme, await SessionsAsync(queries, range, cancellationToken).ConfigureAwait(false), today, zone);
    }

    private static Programme ToProgramme(ProgrammeRow row) => new(
        row.DeviceId, row.Name, KindOf(row.Kind), row.Targets, row.Start, row.End, row.SessionsPerWeek) { Id = row.ProgrammeId };

    private static ProgrammeKind KindOf(ExerciseKind kind) => kind switch
    {
        ExerciseKind.Release => ProgrammeKind.Release,
        ExerciseKind.Stretch => ProgrammeKind.Stretch,
        ExerciseKind.Strengthen => ProgrammeKind.Strengthen,
    };
}
