using PostureStream.Storage.Trends;

namespace PostureStream.Analysis;

/// <summary>
/// Reads a wearer's days from any store through the trend queries: per-minute time in state and activity joined with
/// the per-minute angle means, and the bends. The stores do not keep a history of standing neutrals yet (only the
/// latest one, in the calibration file), so the caller passes the neutrals it has; without them the days have no
/// standing-inclination value and only the relative metrics are available.
/// </summary>
public static class StoredDays
{
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
