using Microsoft.AspNetCore.Http;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// A store that cannot be read (InfluxDB down, a SQLite file gone) becomes a 503 with a JSON message the page shows,
/// and is logged once per new message rather than once per chart.
/// </summary>
internal sealed class StoreProblems(Action<string>? warn)
{
    private readonly Lock _gate = new();
    private string? _lastLogged;

    public IResult Answer(Exception error)
    {
        string message = $"the store cannot be read: {error.Message}";
        lock (_gate)
        {
            if (message != _lastLogged)
            {
                _lastLogged = message;
                warn?.Invoke(message);
            }
        }

        return Results.Json(new ErrorBody(message), DashboardJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>A query answered: the next failure is news again.</summary>
    public void Recovered()
    {
        lock (_gate)
        {
            _lastLogged = null;
        }
    }
}
