using System.Net;
using System.Text;
using System.Text.Json;
using PostureStream.Dashboard.Live;

namespace PostureStream.Dashboard.Tests;

/// <summary>Bad query parameters are answered with 400 and a message naming the value and what is valid.</summary>
public sealed class QueryValidationTests(LoopbackDashboard server) : IClassFixture<LoopbackDashboard>
{
    private const string Range = "from=2026-10-01&to=2026-11-01";

    [Theory]
    [InlineData("/api/charts/angles.svg?device=0123456789abcdef&" + Range, "device '0123456789abcdef' is not known", "00000000000000a1 (desk)")]
    [InlineData("/api/charts/angles.svg?device=0123456789abcdef&" + Range, "device '0123456789abcdef'", "or 'all'")]
    [InlineData("/api/charts/angles.svg?from=yesterday&to=2026-11-01", "from 'yesterday' is not a time", "yyyy-MM-dd")]
    [InlineData("/api/charts/angles.svg?from=2026-10-01", "to is missing", "ISO 8601")]
    [InlineData("/api/charts/bends.svg?from=2026-11-01&to=2026-11-01", "from '2026-11-01' must be before to '2026-11-01'", "before")]
    [InlineData("/api/charts/alerts.svg?from=2026-11-02&to=2026-11-01", "must be before", "2026-11-02")]
    [InlineData("/api/charts/angles.svg?grain=year&" + Range, "grain 'year' is not valid", "hour, day, week, month")]
    [InlineData("/api/charts/time-in-state.svg?grain=week&" + Range, "grain 'week' is not valid", "hour, day")]
    [InlineData("/api/charts/time-in-state.svg?grain=hour&from=2026-08-01&to=2026-11-01", "grain 'hour' covers at most 62 days", "grain 'day'")]
    [InlineData("/api/charts/angles.svg?metric=tilt&" + Range, "metric 'tilt' is not valid", "pelvic_tilt, lordosis_delta")]
    [InlineData("/api/charts/time-in-state.svg?by=mood&" + Range, "by 'mood' is not valid", "state, activity")]
    [InlineData("/api/charts/angles.svg?frm=2026-10-01&" + Range, "unknown parameter 'frm'", "device, from, to, grain, metric")]
    [InlineData("/api/charts/alerts.svg?from=2000-01-01&to=2026-11-01", "longer than 3660 days", "shorter")]
    [InlineData("/api/status?device=nope", "device 'nope' is not known", "00000000000000b2 (gym)")]
    public async Task BadParameter_Answers400NamingTheValueAndWhatIsValid(string path, string names, string valid)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Contains(names, error, StringComparison.Ordinal);
        Assert.Contains(valid, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/charts/angles.svg?device=00000000000000a1&from=2026-10-01&to=2026-11-01&grain=week&metric=lordosis_delta")]
    [InlineData("/api/charts/angles.svg?from=2026-10-01T06:00:00%2B02:00&to=2026-10-02T00:00:00Z&grain=hour")]
    [InlineData("/api/charts/time-in-state.svg?device=all&from=2026-10-01&to=2026-10-03&grain=hour&by=activity")]
    [InlineData("/api/charts/alerts.svg?from=2026-10-01T00:00&to=2026-10-08")]
    [InlineData("/api/charts/bends.svg?device=00000000000000B2&from=2026-10-01&to=2026-10-08")]
    public async Task GoodParameters_AnswerSvg(string path)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_UnknownLiveDevice_Answers400NamingTheLiveOnes()
    {
        server.Hub.Publish(LiveUpdates.At(0));

        using var response = await server.Client.PostAsync("/api/live/0123456789abcdef/calibrate", Json("{\"posture\":\"standing\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Contains("device '0123456789abcdef' is not live", error, StringComparison.Ordinal);
        Assert.Contains(LiveUpdates.DeskId, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_BadPosture_Answers400()
    {
        server.Hub.Publish(LiveUpdates.At(0));

        using var response = await server.Client.PostAsync($"/api/live/{LiveUpdates.DeskId}/calibrate", Json("{\"posture\":\"lying\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("posture 'lying' is not valid; valid: standing, sitting", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snooze_WithoutJsonBody_IsRefusedSoOtherSitesCannotPostIt()
    {
        server.Hub.Publish(LiveUpdates.At(0));
        var called = false;
        server.Hub.OnSnooze((_, _) =>
        {
            called = true;
            return Task.FromResult(CommandResult.Done("snoozed"));
        });

        using var form = new FormUrlEncodedContent([]);
        using var response = await server.Client.PostAsync($"/api/live/{LiveUpdates.DeskId}/snooze", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(called);
    }

    [Fact]
    public async Task Snooze_WithJsonBody_ReachesTheHandler()
    {
        server.Hub.Publish(LiveUpdates.At(0));
        server.Hub.OnSnooze((id, _) => Task.FromResult(CommandResult.Done($"snoozed {id} for 30 min")));

        using var response = await server.Client.PostAsync($"/api/live/{LiveUpdates.DeskId}/snooze", Json("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"snoozed {LiveUpdates.DeskId} for 30 min", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackListener_RefusesOtherHostNames()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/devices");
        request.Headers.Host = "rebound.example";

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_IsServedWithAPolicyThatAllowsOnlyItsOwnScripts()
    {
        using var response = await server.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/app.js\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString()!;
    }
}
