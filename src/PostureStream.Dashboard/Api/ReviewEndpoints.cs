using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PostureStream.Presentation.Review;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// The physiotherapist's view of the trend range: <c>/api/review.html</c> is the fragment the trend view shows (the
/// same HTML as the report's), <c>/api/review</c> the same results as JSON for programs.
/// </summary>
internal static class ReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ITrendQueries trends, IProgrammeQueries? programmes, TimeZoneInfo zone, Func<Func<Task<IResult>>, Task<IResult>> guardedRead)
    {
        async Task<IReadOnlyList<WearerReview>> ReviewsAsync(HttpRequest request, CancellationToken ct)
        {
            var reader = new TrendRequestReader(request.Query, zone);
            reader.AllowOnly("device", "from", "to");
            var range = reader.Range(reader.Device(await trends.ListDevicesAsync(ct)));
            return await ReviewBuilder.BuildAsync(trends, programmes, range, ct);
        }

        app.MapGet("/api/review.html", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
            Results.Text(ReviewHtml.Write(await ReviewsAsync(request, ct), zone), "text/html; charset=utf-8")));

        app.MapGet("/api/review", (HttpRequest request, CancellationToken ct) => guardedRead(async () =>
            Results.Json(WearerReviewJson.Of(await ReviewsAsync(request, ct)), DashboardJsonContext.Default.IReadOnlyListWearerReviewJson)));
    }
}
