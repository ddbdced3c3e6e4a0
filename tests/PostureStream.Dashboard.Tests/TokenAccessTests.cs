using System.Net;
using System.Net.Http.Headers;

namespace PostureStream.Dashboard.Tests;

/// <summary>A dashboard reachable from other machines answers only requests that carry its token.</summary>
public sealed class TokenAccessTests : IAsyncLifetime
{
    private const string Token = "s3cret-token-for-tests-0123456789";
    private readonly string tokenFile = Path.GetTempFileName();
    private RunningDashboard dashboard = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        // Bound on every interface, but the test only ever connects through loopback.
        dashboard = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://0.0.0.0:0", TokenFile = tokenFile, Zone = TimeZoneInfo.Utc },
            await SeededTrends.OpenAsync(),
            live: null,
            CancellationToken.None);
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{dashboard.Address.Port}/"),
        };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await dashboard.DisposeAsync();
        File.Delete(tokenFile);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/devices")]
    [InlineData("/api/charts/alerts.svg?from=2026-10-01&to=2026-11-01")]
    [InlineData("/api/live")]
    public async Task NonLoopbackListener_WithoutToken_Answers401(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLoopbackListener_WithWrongBearer_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/devices");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NonLoopbackListener_WithBearer_Answers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/devices");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SeededTrends.DeskId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenInQuery_IsSwappedForAnHttpOnlyCookieThatThenLetsRequestsIn()
    {
        using var first = await client.GetAsync($"/?token={Token}#trends");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location?.OriginalString);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(Token, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLoopbackAddress_WithoutTokenFile_IsRefused()
    {
        var trends = await SeededTrends.OpenAsync();

        var e = await Assert.ThrowsAsync<DashboardConfigurationException>(() =>
            DashboardServer.StartAsync(new DashboardOptions { ListenUrl = "http://0.0.0.0:0" }, trends, null, CancellationToken.None));

        Assert.Contains("--token-file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortToken_IsRefused()
    {
        var trends = await SeededTrends.OpenAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "short\n");
        try
        {
            var e = await Assert.ThrowsAsync<DashboardConfigurationException>(() =>
                DashboardServer.StartAsync(new DashboardOptions { ListenUrl = "http://0.0.0.0:0", TokenFile = file }, trends, null, CancellationToken.None));
            Assert.Contains("at least 16", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("http://dashboard.example:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/sub")]
    public async Task UnusableListenUrl_IsRefusedNamingIt(string url)
    {
        var trends = await SeededTrends.OpenAsync();

        var e = await Assert.ThrowsAsync<DashboardConfigurationException>(() =>
            DashboardServer.StartAsync(new DashboardOptions { ListenUrl = url }, trends, null, CancellationToken.None));

        Assert.Contains("http://ADDRESS:PORT", e.Message, StringComparison.Ordinal);
    }
}
