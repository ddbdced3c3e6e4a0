using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PostureStream.Presentation.Charts;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Api;

/// <summary>The read-only trend API: the device list, the latest status, and the charts as SVG.</summary>
internal static class TrendEndpoints
{
    private const string SvgType = "image/svg+xml; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app, ITrendQueries trends, IProgrammeQueries? programmes, TimeZoneInfo zone, StoreProblems problems)
    {
        Func<Func<Task<IResult>>, Task<IResult>> guardedRead = handle => GuardedRead(handle, problems);
        ReviewEndpoints.Map(app, trends, programmes, zone, guardedRead);

        app.MapGet("/api/devices", (CancellationToken ct) => guardedRead(async () =>
            Results.Json(await trends.ListDevicesAsync(ct), DashboardJsonContext.Default.IReadOnlyListDeviceInfo)));

        app.MapGet("/api/status", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device");
            var device = reader.Device(await trends.ListDevicesAsync(ct));
            return Results.Json(await trends.LatestStatusAsync(device, ct), DashboardJsonContext.Default.IReadOnlyListStatusRow);
        }));

        app.MapGet("/api/charts/angles.svg", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to", "grain", "metric");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            var grain = reader.Grain(range, TrendGrain.Day, TrendGrain.Hour, TrendGrain.Day, TrendGrain.Week, TrendGrain.Month);
            var metric = reader.Metric();
            var buckets = await trends.AngleTrendAsync(range, grain, ct);
            return Results.Text(AngleTrendChart.Render(buckets, metric, grain, range, await Annotations.ReadAsync(programmes, range, ct)), SvgType);
        }));

        app.MapGet("/api/charts/time-in-state.svg", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to", "grain", "by");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            var grain = reader.Grain(range, TrendGrain.Day, TrendGrain.Hour, TrendGrain.Day);
            var by = reader.By();
            var buckets = await trends.TimeInStateAsync(range, grain, ct);
            var series = by == "state" ? StackSeries.States : StackSeries.Activities;
            return Results.Text(TimeInStateChart.Render(buckets, series, by, grain, range, await Annotations.ReadAsync(programmes, range, ct)), SvgType);
        }));

        app.MapGet("/api/charts/alerts.svg", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            return Results.Text(AlertTimelineChart.Render(await trends.AlertsAsync(range, ct), range), SvgType);
        }));

        app.MapGet("/api/charts/bends.svg", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            return Results.Text(BendChart.Render(await trends.BendsAsync(range, ct), range), SvgType);
        }));
    }

    /// <summary>Turns a refused parameter into a 400 and a body over the limit into a 413, each with its message.</summary>
    public static async Task<IResult> Guarded(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (BadQueryException e)
        {
            return Results.Json(new ErrorBody(e.Message), DashboardJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e)
        {
            return Results.Json(new ErrorBody(e.Message), DashboardJsonContext.Default.ErrorBody, statusCode: e.StatusCode);
        }
    }

    /// <summary>As <see cref="Guarded"/>, and a store that fails becomes a 503 with its message (logged once).</summary>
    private static async Task<IResult> GuardedRead(Func<Task<IResult>> handle, StoreProblems problems)
    {
        try
        {
            IResult result = await Guarded(handle);
            problems.Recovered();
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || e is TaskCanceledException { InnerException: TimeoutException })
        {
            return problems.Answer(e);
        }
    }
}
