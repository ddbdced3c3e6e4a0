using PostureStream.Storage.Trends;

namespace PostureStream.Analysis;

/// <summary>
/// Reads a wearer's days from any store through the trend queries: per-minute time in state and activity joined with
/// the per-minute angle means, the bends, and the standing neutrals the store keeps (<c>posture_neutral</c>). The
/// overload that takes neutrals is for callers that have them from elsewhere (a simulation); without any, the days have
/// no standing-inclination value and only the relative metrics are available.
/// </summary>
public static class StoredDays
{
    /// <summary>The days of the query's range, with the standing neutrals stored in the same range.</summary>
    public static async Task<IReadOnlyList<DayMetrics>> ReadAsync(
        ITrendQueries queries, Storage.Programmes.IProgrammeQueries programmes, TrendQuery query, CancellationToken cancellationToken)
    {
        var neutrals = await StoredProgrammes.StandingNeutralsAsync(programmes, query, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(queries, query, neutrals, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<DayMetrics>> ReadAsync(
        ITrendQueries queries, TrendQuery query, IEnumerable<NeutralReading> neutrals, CancellationToken cancellationToken)
    {
        var states = await queries.TimeInStateAsync(query, TrendGrain.Minute, cancellationToken).ConfigureAwait(false);
        var angles = (await queries.AngleTrendAsync(query, TrendGrain.Minute, cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.StartUtc);
        var bends = await queries.BendsAsync(query, cancellationToken).ConfigureAwait(false);

        var minutes = states
            .Where(s => angles.ContainsKey(s.StartUtc))
            .Select(s =>
            {
                var angle = angles[s.StartUtc];
                return MinuteDigests.FromSummary(
                    s.StartUtc, s.SecondsStanding, s.SecondsSitting, s.SecondsWalking, s.SecondsBending, s.SecondsLying,
                    s.SecondsFlattened, s.SecondsHyperextended, angle.MeanPelvicTilt, angle.MeanLordosisDelta);
            });
        return DayMetricsBuilder.Build(minutes, bends.Select(b => new BendDigest(b.TimeUtc, b.LumbarDominant)), neutrals, query.Zone);
    }
}
