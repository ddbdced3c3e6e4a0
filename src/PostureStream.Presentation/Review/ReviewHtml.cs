using System.Globalization;
using System.Text;
using PostureStream.Analysis;
using PostureStream.Presentation.Charts;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Review;

/// <summary>
/// The physiotherapist's view as HTML, the same fragment in the dashboard's trend view and in the report: per wearer
/// the pattern card, and per programme the before/after panel (chart, each metric's change with its 95 % interval in
/// plain words, the weekly trend) and the adherence per week. Figures are repeated in <c>data-*</c> attributes
/// (invariant numbers) for programs and tests.
/// </summary>
public static class ReviewHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Said under every set of effects: each interval is judged on its own.</summary>
    public const string SeveralMetricsNote =
        "Standing pelvic tilt (from the daily calibrations) is the main measure. Each line is judged on its own at 95 %: "
        + "among seven measures, one \"change\" by chance alone is expected in about one review in three.";

    public static string Write(IReadOnlyList<WearerReview> reviews, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var html = new StringBuilder(32 * 1024);
        html.Append("<section id=\"review\" class=\"review\">\n<h2>Pattern and programmes</h2>\n");
        if (reviews.Count == 0)
        {
            html.Append("<p class=\"no-review\">No days with sitting or standing and no programme in this range.</p>\n");
        }

        foreach (var review in reviews)
        {
            html.Append(Inv, $"<div class=\"wearer\" data-device-id=\"{E(review.DeviceId)}\">\n<h3>{E(review.Device)} <small>{E(review.DeviceId)}</small></h3>\n");
            PatternCard(html, review);
            foreach (var programme in review.Programmes)
            {
                ProgrammePanel(html, programme, zone);
            }

            html.Append("</div>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    private static void PatternCard(StringBuilder html, WearerReview review)
    {
        var p = review.Pattern;
        html.Append(Inv, $"<article class=\"card pattern-card\" data-pattern=\"{E(PatternWording.Name(p.Pattern))}\" data-support=\"{p.Support.ToString().ToLowerInvariant()}\" ")
            .Append(Inv, $"data-days=\"{p.Days}\" data-days-agreeing=\"{p.DaysAgreeing}\" data-days-classified=\"{p.DaysClassified}\" ")
            .Append(Inv, $"data-sitting-flattened=\"{N(p.Sitting.FlattenedShare)}\" data-standing-flattened=\"{N(p.Standing.FlattenedShare)}\" ")
            .Append(Inv, $"data-sitting-hyperextended=\"{N(p.Sitting.HyperextendedShare)}\" data-standing-hyperextended=\"{N(p.Standing.HyperextendedShare)}\">\n")
            .Append(Inv, $"<h4>Pattern, {review.From:d MMM} – {review.To:d MMM yyyy}: <span class=\"pattern-name\">{E(PatternWording.Name(p.Pattern))}</span></h4>\n")
            .Append(Inv, $"<p class=\"headline\">{E(PatternWording.Headline(p))}</p>\n")
            .Append(Inv, $"<p class=\"measured\"><b>Measured.</b> {E(PatternWording.Measured(p))}</p>\n")
            .Append(Inv, $"<p class=\"support\">{E(PatternWording.Support(p))}</p>\n")
            .Append(Inv, $"<p class=\"disclaimer\">{E(PatternWording.Disclaimer)}</p>\n</article>\n");
    }

    private static void ProgrammePanel(StringBuilder html, ProgrammeReview review, TimeZoneInfo zone)
    {
        var p = review.Programme;
        string kind = p.Kind.ToString().ToLowerInvariant();
        string targets = p.TargetMuscles.Count == 0 ? string.Empty : " of " + string.Join(", ", p.TargetMuscles);
        string span = p.End is DateOnly end ? string.Create(Inv, $"{p.Start:d MMMM} to {end:d MMMM yyyy}") : string.Create(Inv, $"since {p.Start:d MMMM yyyy}");
        html.Append(Inv, $"<article class=\"card programme\" data-programme-id=\"{review.ProgrammeId}\" data-start=\"{p.Start:yyyy-MM-dd}\" data-end=\"{p.End?.ToString("yyyy-MM-dd", Inv)}\" data-sessions=\"{review.Sessions.Count}\">\n")
            .Append(Inv, $"<h4>Programme “{E(p.Name)}”: {kind}{E(targets)}, {span}, {p.PlannedSessionsPerWeek} sessions a week planned</h4>\n");

        html.Append("<div class=\"before-after\">\n<h5>Before and after</h5>\n");
        var main = review.Effects.FirstOrDefault(e => e.Metric == DailyMetric.StandingPelvicInclination);
        if (main is not null)
        {
            html.Append(Inv, $"<p class=\"effect-headline\">{E(EffectWording.Sentence(main))}</p>\n");
            var programmeSpan = new ProgrammeSpan(review.ProgrammeId, p.Name, TrendCalendar.DayStartUtc(p.Start, zone), p.End is DateOnly e ? TrendCalendar.DayStartUtc(e.AddDays(1), zone) : null);
            // Inline SVG in HTML needs no namespace, and a report names no address at all.
            html.Append(EffectTrendChart.Render(review.StandingTilt, main, programmeSpan, [.. review.Sessions.Select(s => s.TimeUtc)], zone)
                .Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal)).Append('\n');
        }

        html.Append("<table class=\"effects\">\n<thead><tr><th>Measure</th><th>Before</th><th>Since the start</th><th>Change (95 % interval)</th><th>Weekly trend</th><th>In words</th></tr></thead>\n<tbody>\n");
        foreach (var effect in review.Effects)
        {
            var metric = DailyMetrics.Describe(effect.Metric);
            html.Append(Inv, $"<tr class=\"effect\" data-metric=\"{effect.Metric}\" data-verdict=\"{Verdict(effect.Verdict)}\" data-difference=\"{N(effect.Difference)}\" ")
                .Append(Inv, $"data-lower=\"{N(effect.Lower)}\" data-upper=\"{N(effect.Upper)}\" data-days-before=\"{effect.DaysBefore}\" data-days-after=\"{effect.DaysAfter}\" data-slope=\"{N(effect.SlopePerWeek)}\">")
                .Append(Inv, $"<td>{E(metric.Name)}</td><td>{Value(effect.BeforeMean, metric.Unit)} <small>{effect.DaysBefore} days</small></td><td>{Value(effect.AfterMean, metric.Unit)} <small>{effect.DaysAfter} days</small></td>")
                .Append(Inv, $"<td>{Change(effect, metric.Unit)}</td><td>{Trend(effect, metric.Unit)}</td><td>{E(EffectWording.Sentence(effect))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n")
            .Append(Inv, $"<p class=\"note\">{E(SeveralMetricsNote)}</p>\n</div>\n");
        Adherence(html, review);
        html.Append("</article>\n");
    }

    private static void Adherence(StringBuilder html, ProgrammeReview review)
    {
        int done = review.Adherence.Sum(w => w.Done), planned = review.Adherence.Sum(w => w.Planned);
        html.Append(Inv, $"<div class=\"adherence\" data-done=\"{done}\" data-planned=\"{planned}\">\n<h5>Sessions done</h5>\n")
            .Append(Inv, $"<p>{done} of {planned} planned sessions done{(planned > 0 ? string.Create(Inv, $" ({100.0 * done / planned:0} %)") : string.Empty)}.</p>\n")
            .Append("<table class=\"adherence-weeks\">\n<thead><tr><th>Week</th><th>From</th><th>Done</th><th>Planned</th><th></th></tr></thead>\n<tbody>\n");
        foreach (var w in review.Adherence)
        {
            html.Append(Inv, $"<tr data-week=\"{w.Week}\" data-done=\"{w.Done}\" data-planned=\"{w.Planned}\"><td>{w.Week}</td><td>{w.Start:ddd d MMM}</td><td>{w.Done}</td><td>{w.Planned}</td>")
                .Append(Inv, $"<td><meter min=\"0\" max=\"{Math.Max(1, w.Planned)}\" value=\"{Math.Min(w.Done, Math.Max(1, w.Planned))}\"></meter></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static string Verdict(EffectVerdict verdict) => verdict switch
    {
        EffectVerdict.NotEnoughDays => "not-enough-days",
        EffectVerdict.NoDistinguishableChange => "no-change",
        EffectVerdict.Change => "change",
    };

    private static string Change(EffectEstimate effect, string unit) => effect.Verdict == EffectVerdict.NotEnoughDays
        ? "–"
        : $"{EffectWording.Signed(effect.Difference, unit)} <small>({EffectWording.Signed(effect.Lower, unit)} to {EffectWording.Signed(effect.Upper, unit)})</small>";

    private static string Trend(EffectEstimate effect, string unit) => effect.SlopePerWeek is double slope
        ? $"{EffectWording.Signed(slope, unit)} a week over {effect.Weeks.Count} weeks"
        : "–";

    private static string Value(double value, string unit) => double.IsFinite(value)
        ? value.ToString("0.0", Inv) + (unit == "%" ? " %" : unit)
        : "–";

    private static string N(double? value) => value is double v && double.IsFinite(v) ? Math.Round(v, 4).ToString("0.####", Inv) : string.Empty;

    private static string E(string text) => MarkupText.Encode(text);
}
