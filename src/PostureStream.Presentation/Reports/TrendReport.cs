using PostureStream.Presentation.Review;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Reports;

/// <summary>
/// Builds the self-contained HTML trend report (inline CSS and SVG, no external references) from
/// any store's <see cref="ITrendQueries"/>.
/// </summary>
public static class TrendReport
{
    private const int Steps = 7;

    public static Task<string> BuildAsync(
        ITrendQueries queries,
        ReportRequest request,
        IProgress<ReportProgress>? progress,
        CancellationToken cancellationToken) => BuildAsync(queries, programmes: null, request, progress, cancellationToken);

    /// <summary>The report with the physiotherapist's view: the pattern card and, from <paramref name="programmes"/>, each programme's effects and adherence.</summary>
    public static async Task<string> BuildAsync(
        ITrendQueries queries,
        IProgrammeQueries? programmes,
        ReportRequest request,
        IProgress<ReportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(request);
        if (request.ToUtc <= request.FromUtc)
        {
            throw new ArgumentException($"the report range must not be empty: from {request.FromUtc:O} to {request.ToUtc:O}", nameof(request));
        }

        var query = new TrendQuery(request.FromUtc, request.ToUtc, request.DeviceId, request.Zone);
        int done = 0;
        void Report(string step) => progress?.Report(new ReportProgress(done++, Steps, step));

        Report("devices");
        var devices = await queries.ListDevicesAsync(cancellationToken);
        Report("angles per day");
        var angles = await queries.AngleTrendAsync(query, TrendGrain.Day, cancellationToken);
        Report("time in state per day");
        var states = await queries.TimeInStateAsync(query, TrendGrain.Day, cancellationToken);
        Report("alerts");
        var alerts = await queries.AlertsAsync(query, cancellationToken);
        Report("bends");
        var bends = await queries.BendsAsync(query, cancellationToken);
        Report("device status");
        var statuses = await queries.LatestStatusAsync(request.DeviceId, cancellationToken);
        Report("pattern and programmes");
        var reviews = await ReviewBuilder.BuildAsync(queries, programmes, query, cancellationToken);
        progress?.Report(new ReportProgress(Steps, Steps, "done"));

        if (request.DeviceId is not null)
        {
            devices = [.. devices.Where(d => string.Equals(d.DeviceId, request.DeviceId, StringComparison.OrdinalIgnoreCase))];
        }

        var model = ReportModelBuilder.Build(request, angles, states, alerts, bends, devices, statuses) with { Reviews = reviews };
        return ReportHtmlWriter.Write(model);
    }
}
