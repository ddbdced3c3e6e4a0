using System.Globalization;
using System.Text;
using PostureStream.Presentation.Charts;
using PostureStream.Presentation.Review;
using PostureStream.Presentation.Styling;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Reports;

/// <summary>
/// Lays a <see cref="ReportModel"/> out as one HTML document. Alongside the charts, a per-day table
/// carries every figure in <c>data-*</c> attributes (invariant numbers), so the report can be read
/// back by a program as well as by a person.
/// </summary>
internal static class ReportHtmlWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(ReportModel model)
    {
        var r = model.Request;
        var labels = model.Days.Select(d => d.Date.ToString("ddd d MMM", Inv)).ToList();
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(Inv, $"<title>{E(r.Title)}</title>\n<style>\n{ReportStyles.Css}\n</style>\n</head>\n<body>\n");

        var marks = Marks(model);
        Header(html, model);
        Summary(html, model);
        TimeInState(html, model, labels, marks);
        Angles(html, model, labels, marks);
        Alerts(html, model, labels);
        Bends(html, model, labels);
        if (model.Reviews.Count > 0)
        {
            html.Append(ReviewHtml.Write(model.Reviews, r.Zone));
        }

        DayTable(html, model);
        Status(html, model);

        html.Append("<footer>PostureStream trend report");
        if (r.GeneratedUtc is DateTime generated)
        {
            html.Append(Inv, $", generated {E(Local(generated, r.Zone))}");
        }

        html.Append(".</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReportModel model)
    {
        var r = model.Request;
        var first = model.Days[0].Date;
        var last = model.Days[^1].Date;
        string devices = model.Devices.Count == 0
            ? (r.DeviceId ?? "all devices")
            : string.Join(", ", model.Devices.Select(d => $"{d.Name} ({d.DeviceId})"));
        html.Append(Inv, $"<header>\n<h1>{E(r.Title)}</h1>\n")
            .Append(Inv, $"<p class=\"meta\" data-from=\"{r.FromUtc:O}\" data-to=\"{r.ToUtc:O}\" data-zone=\"{E(r.Zone.Id)}\">")
            .Append(Inv, $"{first:dddd d MMMM yyyy} – {last:dddd d MMMM yyyy}, days in {E(r.Zone.Id)}<br>Devices: {E(devices)}</p>\n</header>\n");
    }

    private static void Summary(StringBuilder html, ReportModel model)
    {
        double neutral = model.Days.Sum(d => d.SecondsNeutral);
        double flattened = model.Days.Sum(d => d.SecondsFlattened);
        double hyper = model.Days.Sum(d => d.SecondsHyperextended);
        double total = neutral + flattened + hyper;
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"summary\">\n")
            .Append(Inv, $"<div>Time neutral<b>{Percent(total == 0 ? null : neutral / total)}</b>{Hours(neutral)} of {Hours(total)}</div>\n")
            .Append(Inv, $"<div>Alerts<b>{model.Days.Sum(d => d.Alerts)}</b>{model.Days.Sum(d => d.FlatteningAlerts)} flattening, {model.Days.Sum(d => d.HyperextensionAlerts)} hyper-extension</div>\n")
            .Append(Inv, $"<div>Bends<b>{model.TotalBends}</b>{Percent(model.LumbarDominantFraction)} lumbar-dominant</div>\n")
            .Append("</div>\n<ul>\n")
            .Append(Inv, $"<li class=\"finding\" id=\"pelvic-tilt-trend\">{E(Sentence(model.PelvicTiltTrend, "Pelvic tilt"))}</li>\n")
            .Append(Inv, $"<li class=\"finding\" id=\"lordosis-delta-trend\">{E(Sentence(model.LordosisDeltaTrend, "Lordosis delta"))}</li>\n")
            .Append("</ul>\n</section>\n");
    }

    private static void TimeInState(StringBuilder html, ReportModel model, List<string> labels, IReadOnlyList<DayMark> marks)
    {
        ChartSeries[] series =
        [
            new("neutral", "neutral", Palette.Of(PostureState.Neutral), [.. model.Days.Select(d => (double?)(d.SecondsNeutral / 3600))]),
            new("flattened", "flattened", Palette.Of(PostureState.Flattened), [.. model.Days.Select(d => (double?)(d.SecondsFlattened / 3600))]),
            new("hyper-extended", "hyperextended", Palette.Of(PostureState.Hyperextended), [.. model.Days.Select(d => (double?)(d.SecondsHyperextended / 3600))]),
        ];
        html.Append("<section id=\"time-in-state\">\n<h2>Time in each posture per day</h2>\n");
        Legend(html, series);
        html.Append(SvgChart.StackedBars(labels, series, "h", "hours neutral, flattened and hyper-extended per day", marks)).Append('\n').Append("</section>\n");
    }

    private static void Angles(StringBuilder html, ReportModel model, List<string> labels, IReadOnlyList<DayMark> marks)
    {
        html.Append("<section id=\"angles\">\n<h2>Mean pelvic tilt and lordosis delta per day</h2>\n")
            .Append(Inv, $"<p>{E(Sentence(model.PelvicTiltTrend, "Pelvic tilt"))} (dashed: least-squares trend).</p>\n")
            .Append(SvgChart.LineWithTrend(labels, [.. model.Days.Select(d => d.MeanPelvicTilt)], model.PelvicTiltTrend, Palette.PelvicTilt, "°", "mean pelvic tilt per day", marks)).Append('\n')
            .Append(Inv, $"<p>{E(Sentence(model.LordosisDeltaTrend, "Lordosis delta"))} (against the calibrated neutral; negative = flatter).</p>\n")
            .Append(SvgChart.LineWithTrend(labels, [.. model.Days.Select(d => d.MeanLordosisDelta)], model.LordosisDeltaTrend, Palette.LordosisDelta, "°", "mean lordosis delta per day", marks)).Append('\n')
            .Append("</section>\n");
    }

    private static void Alerts(StringBuilder html, ReportModel model, List<string> labels)
    {
        ChartSeries[] series =
        [
            new("flattening", "flattened", Palette.Of(AlertKind.Flattening), [.. model.Days.Select(d => (double?)d.FlatteningAlerts)]),
            new("hyper-extension", "hyperextended", Palette.Of(AlertKind.Hyperextension), [.. model.Days.Select(d => (double?)d.HyperextensionAlerts)]),
        ];
        html.Append("<section id=\"alerts\">\n<h2>Alerts per day</h2>\n");
        Legend(html, series);
        html.Append(SvgChart.StackedBars(labels, series, "alerts", "alerts raised per day")).Append('\n').Append("</section>\n");
    }

    private static void Bends(StringBuilder html, ReportModel model, List<string> labels)
    {
        ChartSeries[] series =
        [
            new("lumbar-dominant", "lumbar", Palette.LumbarDominantBend, [.. model.Days.Select(d => (double?)d.LumbarDominantBends)]),
            new("hip-dominant", "hip", Palette.HipHingeBend, [.. model.Days.Select(d => (double?)(d.Bends - d.LumbarDominantBends))]),
        ];
        html.Append("<section id=\"bends\">\n<h2>Bends and their lumbar share</h2>\n")
            .Append(Inv, $"<p id=\"bend-summary\" data-bends=\"{model.TotalBends}\" data-lumbar-dominant=\"{model.LumbarDominantBends}\" data-mean-lumbar-share=\"{N(model.MeanLumbarShare)}\">")
            .Append(model.TotalBends == 0
                ? "No bends in this range."
                : string.Create(Inv, $"{model.TotalBends} bends; on average the lumbar spine did {Percent(model.MeanLumbarShare)} of the bending, and {Percent(model.LumbarDominantFraction)} of bends were lumbar-dominant."))
            .Append("</p>\n");
        Legend(html, series);
        html.Append(SvgChart.StackedBars(labels, series, "bends", "bends per day, lumbar-dominant and hip-dominant")).Append('\n').Append("</section>\n");
    }

    // Each day of the report: inside which programme, whether one starts, and how many sessions were done.
    private static List<DayMark> Marks(ReportModel model)
    {
        var programmes = model.Reviews.SelectMany(r => r.Programmes).ToList();
        var sessions = programmes.SelectMany(p => p.Sessions)
            .GroupBy(s => TrendCalendar.LocalDate(s.TimeUtc, model.Request.Zone)).ToDictionary(g => g.Key, g => g.Count());
        return
        [
            .. model.Days.Select(d => new DayMark(
                programmes.Any(p => d.Date >= p.Programme.Start && (p.Programme.End is not DateOnly end || d.Date <= end)),
                programmes.FirstOrDefault(p => p.Programme.Start == d.Date)?.Programme.Name,
                sessions.GetValueOrDefault(d.Date))),
        ];
    }

    private static void DayTable(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"days\">\n<h2>Day by day</h2>\n<table id=\"day-table\">\n<thead><tr>")
            .Append("<th>Day</th><th>Neutral</th><th>Flattened</th><th>Hyper-ext.</th><th>Pelvic tilt</th><th>Lordosis Δ</th><th>Alerts</th><th>Bends</th><th>Lumbar share</th>")
            .Append("</tr></thead>\n<tbody>\n");
        foreach (var d in model.Days)
        {
            html.Append(Inv, $"<tr data-day=\"{d.Date:yyyy-MM-dd}\" data-neutral-s=\"{N(d.SecondsNeutral)}\" data-flattened-s=\"{N(d.SecondsFlattened)}\" data-hyperextended-s=\"{N(d.SecondsHyperextended)}\" ")
                .Append(Inv, $"data-pelvic-tilt=\"{N(d.MeanPelvicTilt)}\" data-lordosis-delta=\"{N(d.MeanLordosisDelta)}\" data-alerts=\"{d.Alerts}\" data-flattening-alerts=\"{d.FlatteningAlerts}\" data-hyperextension-alerts=\"{d.HyperextensionAlerts}\" ")
                .Append(Inv, $"data-bends=\"{d.Bends}\" data-lumbar-dominant=\"{d.LumbarDominantBends}\" data-lumbar-share=\"{N(d.MeanLumbarShare)}\">")
                .Append(Inv, $"<td>{d.Date:ddd yyyy-MM-dd}</td><td>{Hours(d.SecondsNeutral)}</td><td>{Hours(d.SecondsFlattened)}</td><td>{Hours(d.SecondsHyperextended)}</td>")
                .Append(Inv, $"<td>{Degrees(d.MeanPelvicTilt)}</td><td>{Degrees(d.MeanLordosisDelta)}</td><td>{d.Alerts}</td><td>{d.Bends}</td><td>{Percent(d.MeanLumbarShare)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Status(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"status\">\n<h2>Latest device status</h2>\n");
        if (model.Statuses.Count == 0)
        {
            html.Append("<p>No status received from any device.</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"status-table\">\n<thead><tr><th>Device</th><th>At</th><th>Battery</th><th>Temperature</th><th>Charging</th><th>Sensors</th></tr></thead>\n<tbody>\n");
        foreach (var s in model.Statuses)
        {
            string battery = s.BatteryPercent is long pct
                ? string.Create(Inv, $"{pct} % ({s.BatteryMillivolts} mV)")
                : string.Create(Inv, $"{s.BatteryMillivolts} mV");
            string sensors = (s.LumbarFault, s.PelvisFault) switch
            {
                (false, false) => "ok",
                (true, false) => "lumbar sensor fault",
                (false, true) => "pelvis sensor fault",
                _ => "both sensors faulty",
            };
            html.Append(Inv, $"<tr data-device-id=\"{E(s.DeviceId)}\" data-battery-mv=\"{s.BatteryMillivolts}\" data-battery-pct=\"{s.BatteryPercent?.ToString(Inv) ?? string.Empty}\">")
                .Append(Inv, $"<td>{E(s.Device)} <small>{E(s.DeviceId)}</small></td><td>{E(Local(s.TimeUtc, model.Request.Zone))}</td><td>{E(battery)}</td>")
                .Append(Inv, $"<td>{s.TemperatureCelsius:0.0} °C</td><td>{(s.Charging ? "yes" : "no")}</td><td>{sensors}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Legend(StringBuilder html, IEnumerable<ChartSeries> series)
    {
        html.Append("<div class=\"legend\">");
        foreach (var s in series)
        {
            html.Append(Inv, $"<span><i class=\"swatch {s.CssClass}\"></i>{E(s.Name)}</span>");
        }

        html.Append("</div>\n");
    }

    private static string Sentence(LinearTrend? trend, string quantity) =>
        trend is LinearTrend t ? Capitalise(t.Describe(quantity.ToLowerInvariant())) + "." : $"{quantity}: not enough days with data for a trend.";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", Inv) + " " + zone.Id;

    private static string Hours(double seconds) => string.Create(Inv, $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min");

    private static string Percent(double? fraction) => fraction is double f ? string.Create(Inv, $"{f * 100:0} %") : "–";

    private static string Degrees(double? value) => value is double v ? string.Create(Inv, $"{v:0.0}°") : "–";

    private static string N(double? value) => value is double v ? Math.Round(v, 4).ToString("0.####", Inv) : string.Empty;

    private static string E(string text) => MarkupText.Encode(text);
}
