using System.Net;
using System.Text.Json;

namespace PostureStream.Dashboard.Tests;

/// <summary>The server-sent event stream: the latest of each device first, then every update as JSON.</summary>
public sealed class LiveStreamTests(LoopbackDashboard server) : IClassFixture<LoopbackDashboard>
{
    [Fact]
    public async Task LiveStream_SendsTheLatestThenEachUpdateAsSnakeCaseJson()
    {
        server.Hub.Publish(LiveUpdates.At(0));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await server.Client.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        var first = await NextEventAsync(reader, cancel.Token);
        server.Hub.Publish(LiveUpdates.At(75));
        var second = await NextEventAsync(reader, cancel.Token);

        Assert.Equal(LiveUpdates.DeskId, first.GetProperty("deviceId").GetString());
        Assert.Equal("neutral", first.GetProperty("state").GetString());
        Assert.Equal("flattened", second.GetProperty("state").GetString());
        Assert.Equal("flattening", second.GetProperty("episodeKind").GetString());
        Assert.Equal(15, second.GetProperty("episodeTime").GetDouble());
        Assert.Equal("calibrated", second.GetProperty("calibration").GetString());
        Assert.Equal("serial", second.GetProperty("link").GetProperty("transport").GetString());
        Assert.Equal("2026-11-22T09:01:15Z", second.GetProperty("timeUtc").GetString());
    }

    [Fact]
    public async Task WithoutAFeed_LiveAnswers404SayingSo()
    {
        await using var stored = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://127.0.0.1:0" }, await SeededTrends.OpenAsync(), live: null, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = stored.Address };

        using var response = await client.GetAsync("/api/live");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no live feed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> NextEventAsync(StreamReader reader, CancellationToken ct)
    {
        string? line;
        while ((line = await reader.ReadLineAsync(ct)) is not null)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("the live stream ended");
    }
}
