using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PostureStream.Storage.Programmes;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// <c>POST /api/programmes/{id}/sessions</c> with <c>{"minutes": 20, "note": "…", "time": "2026-03-20T18:00:00Z"}</c>
/// (note and time optional; time defaults to now): records one exercise session of programme <c>id</c>, source
/// <c>dashboard</c>. 201 with the session; 400 naming a bad value; 404 when this dashboard records no sessions. Like the
/// other POSTs it needs a JSON body (no cross-site form can send one) and passes the token gate.
/// </summary>
internal static class SessionEndpoints
{
    public const string NoBookMessage =
        "this dashboard does not record sessions ('posturestream dashboard' only reads the store); record them from the dashboard that 'posturestream run' serves, or with 'posturestream session add'";

    public static void Map(IEndpointRouteBuilder app, ProgrammeBook? book)
    {
        app.MapPost("/api/programmes/{programmeId}/sessions", (string programmeId, HttpRequest request, CancellationToken ct) => TrendEndpoints.Guarded(async () =>
        {
            if (book is null)
            {
                return Results.Json(new ErrorBody(NoBookMessage), DashboardJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status404NotFound);
            }

            if (!long.TryParse(programmeId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id))
            {
                throw new BadQueryException($"programme '{programmeId}' is not a programme id (a whole number, see 'posturestream programme list')");
            }

            var body = await ReadBodyAsync(request, ct);
            if (body.Minutes is not double minutes || !double.IsFinite(minutes) || minutes <= 0)
            {
                throw new BadQueryException("minutes is missing or not a positive number; send e.g. {\"minutes\": 20}");
            }

            try
            {
                var session = await book.RecordSessionAsync(
                    id, body.Time?.UtcDateTime ?? TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(minutes), body.Note, SessionSource.Dashboard, ct);
                return Results.Json(
                    new RecordedSession(session.ProgrammeId, session.Device, session.DeviceId, session.TimeUtc, session.Duration.TotalMinutes, session.Note, "dashboard"),
                    SessionJsonContext.Default.RecordedSession,
                    statusCode: StatusCodes.Status201Created);
            }
            catch (ProgrammeException e)
            {
                throw new BadQueryException(e.Message);
            }
        }));
    }

    private static async Task<SessionBody> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadQueryException("send the request with 'Content-Type: application/json' and a JSON body");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, SessionJsonContext.Default.SessionBody, ct)
                ?? throw new BadQueryException("the body is empty; send e.g. {\"minutes\": 20}");
        }
        catch (JsonException e)
        {
            throw new BadQueryException($"the body is not the expected JSON: {e.Message}");
        }
    }
}

/// <summary>What the session POST takes: minutes (required), an optional note, an optional time (ISO 8601 with an offset).</summary>
internal sealed record SessionBody(double? Minutes, string? Note, DateTimeOffset? Time);

/// <summary>What the session POST answers with.</summary>
internal sealed record RecordedSession(long ProgrammeId, string Device, string DeviceId, DateTime Time, double Minutes, string? Note, string Source);

/// <summary>The session endpoint's JSON, generated at compile time (no reflection: the tool publishes as Native AOT).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionBody))]
[JsonSerializable(typeof(RecordedSession))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
