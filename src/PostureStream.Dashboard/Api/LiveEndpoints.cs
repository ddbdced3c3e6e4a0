using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using PostureStream.Dashboard.Live;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// The live API: the updates as server-sent events, and the two write actions (calibrate, snooze).
/// POSTs take a JSON body, so another site's page cannot send them without a CORS preflight this
/// server never grants.
/// </summary>
internal static class LiveEndpoints
{
    public const string NoFeedMessage =
        "no live feed: this dashboard shows stored data only ('posturestream dashboard'); live posture appears when 'posturestream run' serves the dashboard";

    /// <summary>Updates a slow browser has not taken yet; older ones are dropped (the next update supersedes them).</summary>
    private const int ClientBacklog = 256;

    public static void Map(IEndpointRouteBuilder app, ILiveFeed? feed)
    {
        if (feed is null)
        {
            app.MapGet("/api/live", () => NoFeed());
            app.MapPost("/api/live/{deviceId}/{action}", () => NoFeed());
            return;
        }

        // The stream also ends when the server stops, so shutdown does not wait for open browsers.
        app.MapGet("/api/live", (IHostApplicationLifetime lifetime, CancellationToken ct) =>
            TypedResults.ServerSentEvents(StreamAsync(feed, lifetime.ApplicationStopping, ct)));
        app.MapGet("/api/live/latest", () => Results.Json(feed.Latest, DashboardJsonContext.Default.IReadOnlyListLiveDeviceUpdate));

        app.MapPost("/api/live/{deviceId}/calibrate", (string deviceId, HttpRequest request, CancellationToken ct) => TrendEndpoints.Guarded(async () =>
        {
            var body = await ReadBodyAsync(request, DashboardJsonContext.Default.CalibrateBody, ct);
            var sitting = body?.Posture switch
            {
                null or "standing" => false,
                "sitting" => true,
                var other => throw new BadQueryException($"posture '{other}' is not valid; valid: standing, sitting"),
            };
            return Answer(await feed.CalibrateAsync(LiveDevice(feed, deviceId), sitting, ct));
        }));

        app.MapPost("/api/live/{deviceId}/snooze", (string deviceId, HttpRequest request, CancellationToken ct) => TrendEndpoints.Guarded(async () =>
        {
            _ = await ReadBodyAsync(request, DashboardJsonContext.Default.NullableJsonElement, ct);
            return Answer(await feed.SnoozeAsync(LiveDevice(feed, deviceId), ct));
        }));
    }

    private static IResult NoFeed() =>
        Results.Json(new ErrorBody(NoFeedMessage), DashboardJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status404NotFound);

    private static IResult Answer(CommandResult result) =>
        Results.Json(result, DashboardJsonContext.Default.CommandResult, statusCode: result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);

    private static string LiveDevice(ILiveFeed feed, string deviceId)
    {
        var latest = feed.Latest;
        return latest.FirstOrDefault(u => string.Equals(u.DeviceId, deviceId, StringComparison.OrdinalIgnoreCase))?.DeviceId
            ?? throw new BadQueryException(
                $"device '{deviceId}' is not live; live devices: {(latest.Count == 0 ? "none yet" : string.Join(", ", latest.Select(u => $"{u.DeviceId} ({u.Device})")))}");
    }

    private static async Task<T?> ReadBodyAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadQueryException("send the request with 'Content-Type: application/json' and a JSON body");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, ct);
        }
        catch (JsonException e)
        {
            throw new BadQueryException($"the body is not the expected JSON: {e.Message}");
        }
    }

    /// <summary>The latest of each device first, then every update, each as one JSON event.</summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(ILiveFeed feed, CancellationToken stopping, [EnumeratorCancellation] CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, ct);
        var queue = Channel.CreateBounded<LiveDeviceUpdate>(new BoundedChannelOptions(ClientBacklog)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using var subscription = feed.Updates.Subscribe(new ChannelWriterObserver(queue.Writer));
        foreach (var update in feed.Latest)
        {
            yield return Event(update);
        }

        while (await WaitToReadAsync(queue.Reader, linked.Token))
        {
            while (queue.Reader.TryRead(out var update))
            {
                yield return Event(update);
            }
        }
    }

    /// <summary>False when the feed ended, the browser left or the server is stopping.</summary>
    private static async Task<bool> WaitToReadAsync(ChannelReader<LiveDeviceUpdate> reader, CancellationToken ct)
    {
        try
        {
            return await reader.WaitToReadAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static SseItem<string> Event(LiveDeviceUpdate update) =>
        new(JsonSerializer.Serialize(update, DashboardJsonContext.Default.LiveDeviceUpdate), "update");

    private sealed class ChannelWriterObserver(ChannelWriter<LiveDeviceUpdate> writer) : IObserver<LiveDeviceUpdate>
    {
        public void OnNext(LiveDeviceUpdate value) => writer.TryWrite(value);

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnCompleted() => writer.TryComplete();
    }
}
