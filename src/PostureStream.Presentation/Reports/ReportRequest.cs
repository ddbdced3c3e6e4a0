namespace PostureStream.Presentation.Reports;

/// <summary>
/// What a trend report covers: the half-open range [<see cref="FromUtc"/>, <see cref="ToUtc"/>),
/// the zone whose calendar days the figures are grouped by, and optionally one device (16-hex
/// <c>device_id</c>; null = all devices). <see cref="GeneratedUtc"/> is only printed in the footer
/// (the library reads no clock).
/// </summary>
public sealed record ReportRequest(DateTime FromUtc, DateTime ToUtc, TimeZoneInfo Zone, string? DeviceId = null)
{
    public DateTime? GeneratedUtc { get; init; }

    /// <summary>The report's heading; defaults to "Posture report".</summary>
    public string Title { get; init; } = "Posture report";
}
