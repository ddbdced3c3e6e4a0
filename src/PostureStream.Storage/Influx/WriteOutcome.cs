namespace PostureStream.Storage.Influx;

/// <summary>What one write request came to, by the retry rules of DESIGN §7.</summary>
internal enum WriteOutcomeKind
{
    /// <summary>2xx: stored.</summary>
    Accepted,

    /// <summary>Network error, timeout, 408, 429 or 5xx: try again later.</summary>
    Retry,

    /// <summary>413: split the batch.</summary>
    TooLarge,

    /// <summary>Any other 4xx (a partial-write 400 included): dead-letter, never retry.</summary>
    Rejected,
}

internal readonly record struct WriteOutcome(WriteOutcomeKind Kind, int StatusCode, string Message, TimeSpan? RetryAfter);
