using PostureStream.Analysis;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Review;

/// <summary>
/// Reads what the physiotherapist's view needs from a store — days of minutes and bends, the standing neutrals,
/// programmes and sessions — and computes it per wearer. A programme's baseline may lie before the range shown, so
/// days are read from <see cref="EffectOptions.BaselineDays"/> before the earliest programme start.
/// </summary>
public static class ReviewBuilder
{
    /// <summary>The metrics a programme is judged on: those that survive recalibration, the standing tilt first.</summary>
    public static IReadOnlyList<DailyMetric> EffectMetrics { get; } =
        [.. DailyMetrics.All.Where(m => m.SurvivesRecalibration).Select(m => m.Metric)];

    public static async Task<IReadOnlyList<WearerReview>> BuildAsync(
        ITrendQueries trends, IProgrammeQueries? programmes, TrendQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(query);
        var devices = (await trends.ListDevicesAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => query.DeviceId is null || string.Equals(d.DeviceId, query.DeviceId, StringComparison.OrdinalIgnoreCase));
        var reviews = new List<WearerReview>();
        foreach (var device in devices)
        {
            var review = await BuildOneAsync(trends, programmes, query with { DeviceId = device.DeviceId }, device.Name, cancellationToken).ConfigureAwait(false);
            if (review is not null)
            {
                reviews.Add(review);
            }
        }

        return reviews;
    }

    private static async Task<WearerReview?> BuildOneAsync(
        ITrendQueries trends, IProgrammeQueries? store, TrendQuery query, string name, CancellationToken cancellationToken)
    {
        var options = new EffectOptions();
        var from = TrendCalendar.LocalDate(query.FromUtc, query.Zone);
        var to = TrendCalendar.LocalDate(query.ToUtc.AddTicks(-1), query.Zone);
        var programmes = store is null ? [] : (await StoredProgrammes.ReadAsync(store, query.DeviceId, cancellationToken).ConfigureAwait(false))
            .Where(p => p.Start <= to).ToList();
        var readFrom = programmes.Count == 0 ? query.FromUtc
            : Min(query.FromUtc, TrendCalendar.DayStartUtc(programmes.Min(p => p.Start).AddDays(-options.BaselineDays), query.Zone));
        var read = query with { FromUtc = readFrom };

        var neutrals = store is null ? [] : await StoredProgrammes.StandingNeutralsAsync(store, read, cancellationToken).ConfigureAwait(false);
        var days = await StoredDays.ReadAsync(trends, read, neutrals, cancellationToken).ConfigureAwait(false);
        var shown = days.Where(d => d.Date >= from && d.Date <= to).ToList();
        if (shown.Count == 0 && programmes.Count == 0)
        {
            return null;
        }

        var sessions = store is null ? [] : await StoredProgrammes.SessionsAsync(store, read, cancellationToken).ConfigureAwait(false);
        var pattern = PatternClassifier.Classify(shown, new PatternOptions());
        var reviews = programmes.Select(programme =>
        {
            var done = sessions.Where(s => s.ProgrammeId == programme.Id).ToList();
            var effects = EffectMetrics
                .Select(m => EffectEstimator.Estimate(DailyMetrics.Series(days, m), m, programme.Start, programme.End, options))
                .ToList();
            return new ProgrammeReview(
                programme.Id, programme, effects, DailyMetrics.Series(days, DailyMetric.StandingPelvicInclination), done,
                Adherence.Weekly(programme, done, to, query.Zone));
        }).ToList();
        return new WearerReview(query.DeviceId!, name, from, to, pattern, reviews);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
