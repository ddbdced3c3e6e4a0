namespace PostureStream.Storage.Influx;

/// <summary>What one write request came to.</summary>
internal enum WriteOutcomeKind
{
    /// <summary>2xx: stored.</summary>
    Accepted,

    /// <summary>Network error, timeout, 408, 429 or 5xx: try again later.</summary>
    Retry,

    /// <summary>413: split the batch.</summary>
    TooLarge,

    /// <summary>401, 403 or 404: the token, user, database, bucket, org or URL is wrong. Keep the data and retry slowly.</summary>
    ConfigurationError,

    /// <summary>Any other 4xx (a partial-write 400 included): dead-letter, never retry.</summary>
    Rejected,
}

/// <param name="Kind">What to do next.</param>
/// <param name="StatusCode">The HTTP status, or 0 when no answer came.</param>
/// <param name="Message">The server's message (shortened), or why no answer came.</param>
/// <param name="RetryAfter">The server's Retry-After, if any.</param>
/// <param name="TimedOut">No answer within the request timeout.</param>
internal readonly record struct WriteOutcome(WriteOutcomeKind Kind, int StatusCode, string Message, TimeSpan? RetryAfter, bool TimedOut = false)
{
    /// <summary>
    /// A failure the batch itself may cause (5xx, no answer in time), as opposed to one that is
    /// always store-wide (connection refused, 408, 429). Only these count towards a poison batch.
    /// </summary>
    public bool BatchMayBeTheCause => Kind == WriteOutcomeKind.Retry && (StatusCode >= 500 || TimedOut);

    public string Describe() => StatusCode == 0 ? Message : $"HTTP {StatusCode}: {Message}";
}
