using Microsoft.Extensions.Logging;

namespace PostureStream.Dashboard;

/// <summary>How the dashboard listens and whom it lets in.</summary>
public sealed class DashboardOptions
{
    /// <summary>The default: loopback only, port 5080 (README, using it).</summary>
    public const string DefaultListenUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// <c>http://ADDRESS:PORT</c> with an IP address or <c>localhost</c>; port 0 picks a free port
    /// (see <see cref="RunningDashboard.Address"/>). Default <see cref="DefaultListenUrl"/>.
    /// A non-loopback address requires <see cref="TokenFile"/>.
    /// </summary>
    public string ListenUrl { get; set; } = DefaultListenUrl;

    /// <summary>
    /// A file holding the access token (its first line, at least 16 characters). When set, every
    /// request must carry it. Default: none, which is only allowed on loopback.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>The zone whose calendar day, week and month buckets follow. Default: the machine's zone.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Local;

    /// <summary>
    /// Receives the problems a user must hear of while the dashboard runs: a store that cannot be read (each new
    /// message once) and a token file other users can read. Default: none.
    /// </summary>
    public Action<string>? Warn { get; set; }

    /// <summary>The largest POST body accepted, before any parsing. Default 4 KiB: the only bodies are tiny JSON commands.</summary>
    public long MaxPostBodyBytes { get; set; } = 4096;

    /// <summary>
    /// Records exercise sessions posted to <c>/api/programmes/{id}/sessions</c> (source <c>dashboard</c>); default: none,
    /// and that endpoint answers 404 saying where sessions can be recorded.
    /// </summary>
    public Storage.Programmes.ProgrammeBook? Programmes { get; set; }

    /// <summary>Where the web server logs; default: nowhere (the CLI prints what matters itself).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
