using Microsoft.Extensions.Logging;

namespace PostureStream.Storage.Influx;

/// <summary>The writer's log messages. None of them carries a secret: targets print masked.</summary>
internal static partial class InfluxWriterLog
{
    [LoggerMessage(1, LogLevel.Information, "InfluxDB {Target}: {Lines} lines from an earlier run wait in the spool {Spool}; sending them first")]
    public static partial void Replaying(ILogger logger, InfluxTarget target, long lines, string spool);

    [LoggerMessage(2, LogLevel.Warning, "InfluxDB spool {Spool}: cut {Bytes} bytes of a torn record at the end (a crash during an append); the records before it are kept")]
    public static partial void TornTail(ILogger logger, string spool, long bytes);

    [LoggerMessage(3, LogLevel.Warning, "InfluxDB spool {Spool}: {Records} damaged records (CRC mismatch) will be skipped, and {Bytes} unreadable bytes are ignored")]
    public static partial void CorruptSkipped(ILogger logger, string spool, long records, long bytes);

    [LoggerMessage(4, LogLevel.Warning, "InfluxDB {Target} is not reachable ({Reason}); points wait in the spool {Spool} ({Lines} lines) and are retried")]
    public static partial void Unreachable(ILogger logger, InfluxTarget target, string reason, string spool, long lines);

    // A warning, not information: it closes a warning the user saw, and must show where warnings show (--quiet included).
    [LoggerMessage(5, LogLevel.Warning, "InfluxDB {Target} is reachable again and accepts writes; {Lines} spooled lines are being sent")]
    public static partial void Reachable(ILogger logger, InfluxTarget target, long lines);

    [LoggerMessage(6, LogLevel.Debug, "InfluxDB {Target}: retry in {Delay} after {Reason}")]
    public static partial void Retrying(ILogger logger, InfluxTarget target, TimeSpan delay, string reason);

    [LoggerMessage(7, LogLevel.Error, "InfluxDB {Target} rejected {Lines} lines with HTTP {Status}: {Message}; they are in the dead-letter file {DeadLetter} and will not be retried")]
    public static partial void DeadLettered(ILogger logger, InfluxTarget target, int lines, int status, string message, string deadLetter);

    [LoggerMessage(8, LogLevel.Warning, "InfluxDB spool {Spool} is full ({Bytes} of {MaxBytes} bytes): new points are refused and counted ({Dropped} lines so far) until the server accepts the backlog")]
    public static partial void SpoolFull(ILogger logger, string spool, long bytes, long maxBytes, long dropped);

    [LoggerMessage(9, LogLevel.Warning, "InfluxDB spool {Spool} accepts points again; {Dropped} lines were refused while it was full")]
    public static partial void SpoolAcceptsAgain(ILogger logger, string spool, long dropped);

    [LoggerMessage(10, LogLevel.Error, "InfluxDB spool {Spool}: cannot append ({Reason}); {Lines} lines are lost")]
    public static partial void SpoolWriteFailed(ILogger logger, string spool, string reason, int lines);

    [LoggerMessage(11, LogLevel.Warning, "InfluxDB {Target}: {Lines} lines not yet accepted stay in the spool {Spool} and are sent on the next start")]
    public static partial void LeftInSpool(ILogger logger, InfluxTarget target, long lines, string spool);

    [LoggerMessage(12, LogLevel.Information, "InfluxDB {Target}: HTTP 413, splitting a batch of {Lines} lines")]
    public static partial void Splitting(ILogger logger, InfluxTarget target, int lines);

    [LoggerMessage(13, LogLevel.Error, "InfluxDB {Target}: {Reason}; the batch stays in the spool and is tried again")]
    public static partial void SendLoopFailed(ILogger logger, InfluxTarget target, string reason);

    [LoggerMessage(14, LogLevel.Error, "InfluxDB {Target} refused writes with HTTP {Status}: {Message}; {Hint}. Nothing is dead-lettered: {Lines} lines wait in the spool {Spool} and are tried again every {Delay}")]
    public static partial void Misconfigured(ILogger logger, InfluxTarget target, int status, string message, string hint, long lines, string spool, TimeSpan delay);

    [LoggerMessage(15, LogLevel.Error, "InfluxDB {Target}: a line failed {Attempts} times with {Reason} while later points were accepted; it is set aside in the quarantine file {Quarantine} (post it again once the cause is fixed) and delivery goes on")]
    public static partial void Quarantined(ILogger logger, InfluxTarget target, int attempts, string reason, string quarantine);

    [LoggerMessage(16, LogLevel.Error, "InfluxDB {Target}: the {File} file {Path} is full ({Bytes} of {MaxBytes} bytes): {What} ({Reason}) stays in the spool, and later points wait behind it, until the file is moved away or {Setting} is raised; tried again every {Delay}")]
    public static partial void SetAsideFull(ILogger logger, InfluxTarget target, string file, string path, long bytes, long maxBytes, string what, string reason, string setting, TimeSpan delay);
}
