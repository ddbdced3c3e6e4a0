using System.Text;

namespace PostureStream.Storage.Influx;

/// <summary>How an <see cref="InfluxWriter"/> batches, spools and retries. Defaults suit one to thousands of devices.</summary>
public sealed class InfluxWriterOptions
{
    /// <summary>The spool directory for this target (required, one per target). See <see cref="DefaultSpoolDirectory"/>.</summary>
    public string SpoolDirectory { get; set; } = string.Empty;

    /// <summary>Lines per batch and per request (default 5,000).</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>A batch is also sealed when it reaches this many bytes (default 8 MiB).</summary>
    public int MaxBatchBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>A partial batch is sealed and sent after at most this long (default 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The spool's size bound (default 1 GiB); when reached, new batches are refused and counted.</summary>
    public long MaxSpoolBytes { get; set; } = 1L << 30;

    /// <summary>Size of one spool segment file (default 16 MiB).</summary>
    public long SegmentBytes { get; set; } = 16L << 20;

    /// <summary>Where rejected batches go with the server's message (default: dead-letter.lp in the spool directory).</summary>
    public string? DeadLetterPath { get; set; }

    /// <summary>The dead-letter file's size bound (default 64 MiB). When a rejected batch does not fit, it stays in the spool (blocking later points) with an error until the file is moved away.</summary>
    public long MaxDeadLetterBytes { get; set; } = 64L << 20;

    /// <summary>Where poison batches go (default: quarantine.lp in the spool directory).</summary>
    public string? QuarantinePath { get; set; }

    /// <summary>The quarantine file's size bound (default 64 MiB). When a poison batch does not fit, it stays in the spool with an error until the file is moved away.</summary>
    public long MaxQuarantineBytes { get; set; } = 64L << 20;

    /// <summary>
    /// After every this many 5xx answers or timeouts for the oldest batch (default 5), later
    /// batches are tried: if one is accepted, the failing lines are a poison batch and go to the
    /// quarantine file; if none is, the store itself is failing and everything waits in the spool.
    /// </summary>
    public int QuarantineAfterFailures { get; set; } = 5;

    /// <summary>How many later batches are tried before the failure is taken as store-wide (default 3).</summary>
    public int ProbeBatches { get; set; } = 3;

    /// <summary>One request's time limit (default 30 s); a timeout is retried like a network error.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay (default 1 s); doubled per attempt, with jitter.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff between retries (default 60 s). Retries never stop: the data stays in the spool.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A server's Retry-After is honoured up to this (default 10 min).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long dispose keeps sending the backlog before leaving the rest in the spool (default 5 s).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gzip request bodies (default true).</summary>
    public bool Gzip { get; set; } = true;

    public string ResolvedDeadLetterPath => DeadLetterPath ?? Path.Combine(SpoolDirectory, "dead-letter.lp");

    public string ResolvedQuarantinePath => QuarantinePath ?? Path.Combine(SpoolDirectory, "quarantine.lp");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SpoolDirectory))
        {
            throw new ArgumentException("SpoolDirectory is required (one directory per target)", nameof(SpoolDirectory));
        }

        Positive(BatchSize, nameof(BatchSize));
        Positive(MaxBatchBytes, nameof(MaxBatchBytes));
        Positive(FlushInterval, nameof(FlushInterval));
        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(QuarantineAfterFailures, nameof(QuarantineAfterFailures));
        Positive(ProbeBatches, nameof(ProbeBatches));
        if (MaxDeadLetterBytes <= 0 || MaxQuarantineBytes <= 0)
        {
            throw new ArgumentException($"MaxDeadLetterBytes ({MaxDeadLetterBytes}) and MaxQuarantineBytes ({MaxQuarantineBytes}) must be positive");
        }

        Positive(InitialRetryDelay, nameof(InitialRetryDelay));
        if (MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentException($"MaxRetryDelay ({MaxRetryDelay}) must be at least InitialRetryDelay ({InitialRetryDelay})", nameof(MaxRetryDelay));
        }

        if (MaxRetryAfter < TimeSpan.Zero || DrainTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("MaxRetryAfter and DrainTimeout must not be negative");
        }

        if (SegmentBytes < 64 * 1024 || MaxSpoolBytes < SegmentBytes * 2)
        {
            throw new ArgumentException($"SegmentBytes ({SegmentBytes}) must be at least 64 KiB and MaxSpoolBytes ({MaxSpoolBytes}) at least twice that", nameof(MaxSpoolBytes));
        }
    }

    /// <summary>
    /// A spool directory per target under <c>spool</c> in the platform's data directory
    /// (<see cref="Stores.DefaultDataDirectory"/>): named for the API, host, port, database/bucket and precision,
    /// so a changed target never replays another target's data.
    /// </summary>
    public static string DefaultSpoolDirectory(InfluxTarget target, string? dataHome = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        string dataDirectory = string.IsNullOrEmpty(dataHome) ? Stores.DefaultDataDirectory.Resolve() : Path.Combine(dataHome, "posturestream");
        return SpoolDirectoryUnder(target, Path.Combine(dataDirectory, "spool"));
    }

    /// <summary>The spool directory of a target inside <paramref name="spoolRoot"/> (one folder per target and precision).</summary>
    public static string SpoolDirectoryUnder(InfluxTarget target, string spoolRoot)
    {
        ArgumentNullException.ThrowIfNull(target);
        string name = $"{InfluxTargetParser.SchemeOf(target.Version)}-{target.BaseUri.Host}-{target.BaseUri.Port}-{target.Destination}-{InfluxTargetParser.PrecisionText(target.Precision)}";
        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return Path.Combine(spoolRoot, safe.ToString());
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} must be positive, not {value}", name);
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive, not {value}", name);
        }
    }
}
