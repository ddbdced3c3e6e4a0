using System.Net;
using System.Text;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Testing;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Tests;

/// <summary><c>POST /api/programmes/{id}/sessions</c> records a session (source dashboard) in a real SQLite store, with the POST rules of the other actions.</summary>
public sealed class SessionEndpointTests : IAsyncLifetime
{
    private static readonly DeviceSeries Device = new("desk", 0xc3);
    private readonly TempDirectory _dir = new("ps-session-endpoint-");
    private SqliteStore _store = null!;
    private RunningDashboard _dashboard = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        string path = _dir.Sub("s.db");
        _store = SqliteStore.Open(new SqliteStoreOptions { Path = path });
        var book = new ProgrammeBook(SqliteProgrammeQueries.Open(path), _store, TimeZoneInfo.Utc);
        await book.AddAsync(Device, "hamstring stretches", ExerciseKind.Stretch, ["hamstrings"], new DateOnly(2026, 3, 1), null, 3, CancellationToken.None);
        await _store.FlushAsync(CancellationToken.None);
        _dashboard = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://127.0.0.1:0", Zone = TimeZoneInfo.Utc, Programmes = book }, await SeededTrends.OpenAsync(), null, CancellationToken.None);
        _client = new HttpClient { BaseAddress = _dashboard.Address };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _dashboard.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string programme, string body, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/programmes/{programme}/sessions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Post_RecordsTheSession_AndAnswers201WithIt()
    {
        using var response = await PostAsync("1", """{"minutes": 25, "note": "after work", "time": "2026-03-03T18:30:00+01:00"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            """{"programmeId":1,"device":"desk","deviceId":"00000000000000c3","time":"2026-03-03T17:30:00Z","minutes":25,"note":"after work","source":"dashboard"}""",
            await response.Content.ReadAsStringAsync());
        await _store.FlushAsync(CancellationToken.None);
        var stored = await SqliteProgrammeQueries.Open(_dir.Sub("s.db")).SessionsAsync(
            new TrendQuery(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), null, TimeZoneInfo.Utc), CancellationToken.None);
        var session = Assert.Single(stored);
        Assert.Equal((1L, TimeSpan.FromMinutes(25), "after work", SessionSource.Dashboard), (session.ProgrammeId, session.Duration, session.Note, session.Source));
    }

    [Theory]
    [InlineData("1", """{"note": "x"}""", "minutes is missing or not a positive number")]
    [InlineData("1", """{"minutes": -5}""", "minutes is missing or not a positive number")]
    [InlineData("1", """{"minutes": "twenty"}""", "the body is not the expected JSON")]
    [InlineData("1", """{"minutes": 20, "time": "2026-02-01T10:00:00Z"}""", "programme 1 runs 2026-03-01 to (open); a session on 2026-02-01 is outside it")]
    [InlineData("9", """{"minutes": 20}""", "there is no programme 9; recorded: 1 (\"hamstring stretches\", desk)")]
    [InlineData("one", """{"minutes": 20}""", "programme 'one' is not a programme id")]
    public async Task BadRequest_Is400_NamingTheProblem(string programme, string body, string message)
    {
        using var response = await PostAsync(programme, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossSitePost_IsRefusedWith403_AndRecordsNothing()
    {
        using var response = await PostAsync("1", """{"minutes": 20, "time": "2026-03-03T10:00:00Z"}""", origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _store.FlushAsync(CancellationToken.None);
        Assert.Empty(await SqliteProgrammeQueries.Open(_dir.Sub("s.db")).SessionsAsync(
            new TrendQuery(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), null, TimeZoneInfo.Utc), CancellationToken.None));
    }

    [Fact]
    public async Task DashboardWithoutABook_Answers404_SayingWhereToRecord()
    {
        await using var readOnly = await DashboardServer.StartAsync(
            new DashboardOptions { ListenUrl = "http://127.0.0.1:0", Zone = TimeZoneInfo.Utc }, await SeededTrends.OpenAsync(), null, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = readOnly.Address };
        using var response = await client.PostAsync("/api/programmes/1/sessions", new StringContent("""{"minutes": 20}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("posturestream session add", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
