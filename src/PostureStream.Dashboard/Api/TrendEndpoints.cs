using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PostureStream.Dashboard.Charts;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Api;

/// <summary>The read-only trend API: the device list, the latest status, and the charts as SVG.</summary>
internal static class TrendEndpoints
{
    private const string SvgType = "image/svg+xml; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app, ITrendQueries trends, TimeZoneInfo zone)
    {
        app.MapGet("/api/devices", async (CancellationToken ct) =>
            Results.Json(await trends.ListDevicesAsync(ct), DashboardJson.Options));

        app.MapGet("/api/status", (HttpRequest request, CancellationToken ct) => Guarded(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device");
            var device = reader.Device(await trends.ListDevicesAsync(ct));
            return Results.Json(await trends.LatestStatusAsync(device, ct), DashboardJson.Options);
        }));

        app.MapGet("/api/charts/angles.svg", (HttpRequest request, CancellationToken ct) => Guarded(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to", "grain", "metric");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            var grain = reader.Grain(range, TrendGrain.Day, TrendGrain.Hour, TrendGrain.Day, TrendGrain.Week, TrendGrain.Month);
            var metric = reader.Metric();
            var buckets = await trends.AngleTrendAsync(range, grain, ct);
            return Results.Text(AngleTrendChart.Render(buckets, metric, grain, range), SvgType);
        }));

        app.MapGet("/api/charts/time-in-state.svg", (HttpRequest request, CancellationToken ct) => Guarded(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to", "grain", "by");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            var grain = reader.Grain(range, TrendGrain.Day, TrendGrain.Hour, TrendGrain.Day);
            var by = reader.By();
            var buckets = await trends.TimeInStateAsync(range, grain, ct);
            var series = by == "state" ? StackSeries.States : StackSeries.Activities;
            return Results.Text(TimeInStateChart.Render(buckets, series, by, grain, range), SvgType);
        }));

        app.MapGet("/api/charts/alerts.svg", (HttpRequest request, CancellationToken ct) => Guarded(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            return Results.Text(AlertTimelineChart.Render(await trends.AlertsAsync(range, ct), range), SvgType);
        }));

        app.MapGet("/api/charts/bends.svg", (HttpRequest request, CancellationToken ct) => Guarded(async () =>
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            return Results.Text(BendChart.Render(await trends.BendsAsync(range, ct), range), SvgType);
        }));
    }

    /// <summary>Turns a refused parameter into a 400 with its message.</summary>
    public static async Task<IResult> Guarded(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (BadQueryException e)
        {
            return Results.Json(new ErrorBody(e.Message), DashboardJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
