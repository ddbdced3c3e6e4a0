namespace PostureStream.Storage.Influx;

/// <summary>A snapshot of an <see cref="InfluxWriter"/>'s counters.</summary>
/// <param name="PointsWritten">Points encoded into a batch.</param>
/// <param name="PointsWithoutFields">Points dropped because no finite field was left.</param>
/// <param name="LinesDroppedSpoolFull">Lines refused because the spool was at its size bound (each time with a warning).</param>
/// <param name="LinesSent">Lines the server accepted.</param>
/// <param name="LinesDeadLettered">Lines the server rejected, now in the dead-letter file.</param>
/// <param name="Requests">HTTP requests made.</param>
/// <param name="Retries">Requests retried after a network error, 408, 429 or 5xx.</param>
/// <param name="BacklogLines">Lines spooled and not yet accepted: the backlog.</param>
/// <param name="BacklogBytes">Bytes of those lines.</param>
/// <param name="SpoolBytes">Bytes of spool files on disk.</param>
/// <param name="SpoolMaxBytes">The spool's size bound.</param>
/// <param name="StoreReachable">Whether the last request reached the server (null before the first).</param>
/// <param name="LastRetryDelay">The delay chosen before the latest retry.</param>
/// <param name="LinesQuarantined">Lines of poison batches (failing while later batches were accepted), now in the quarantine file.</param>
public readonly record struct InfluxWriterMetrics(
    long PointsWritten,
    long PointsWithoutFields,
    long LinesDroppedSpoolFull,
    long LinesSent,
    long LinesDeadLettered,
    long Requests,
    long Retries,
    long BacklogLines,
    long BacklogBytes,
    long SpoolBytes,
    long SpoolMaxBytes,
    bool? StoreReachable,
    TimeSpan LastRetryDelay,
    long LinesQuarantined);
