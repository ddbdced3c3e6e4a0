namespace PostureStream.Storage.Trends;

/// <summary>
/// The trend questions the dashboard and the reports ask, answered the same way by every store
/// (SQL on SQLite, InfluxQL on InfluxDB's /query). Ranges are half-open [from, to) in UTC.
/// </summary>
public interface ITrendQueries
{
    /// <summary>Every device that has data, with the time of its latest point.</summary>
    Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken);

    /// <summary>Mean, min and max of pelvic_tilt and lordosis_delta per time bucket (buckets of the zone's local time).</summary>
    Task<IReadOnlyList<AngleBucket>> AngleTrendAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken);

    /// <summary>Seconds in each state and each activity per hour or per day of the zone's local time.</summary>
    Task<IReadOnlyList<TimeInStateBucket>> TimeInStateAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken);

    /// <summary>The alerts in the range, oldest first.</summary>
    Task<IReadOnlyList<AlertRow>> AlertsAsync(TrendQuery query, CancellationToken cancellationToken);

    /// <summary>The bends in the range, oldest first.</summary>
    Task<IReadOnlyList<BendRow>> BendsAsync(TrendQuery query, CancellationToken cancellationToken);

    /// <summary>The latest device_status of each device (or of the queried one).</summary>
    Task<IReadOnlyList<StatusRow>> LatestStatusAsync(string? deviceId, CancellationToken cancellationToken);
}

/// <summary>A range of one device (by 16-hex <c>device_id</c>) or of all devices (null), with the zone for local buckets.</summary>
public sealed record TrendQuery(DateTime FromUtc, DateTime ToUtc, string? DeviceId, TimeZoneInfo Zone);

/// <summary>The width of a trend bucket. Day, week (Monday first) and month follow the zone's calendar.</summary>
public enum TrendGrain
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

public sealed record DeviceInfo(string DeviceId, string Name, DateTime LastSeenUtc);

/// <summary>One bucket of angle statistics; <see cref="StartUtc"/> is the bucket's local start as UTC.</summary>
public sealed record AngleBucket(
    DateTime StartUtc,
    double MeanPelvicTilt,
    double MinPelvicTilt,
    double MaxPelvicTilt,
    double MeanLordosisDelta,
    double MinLordosisDelta,
    double MaxLordosisDelta,
    long Samples);

/// <summary>Seconds per state (neutral, flattened, hyperextended, uncalibrated) and per activity in one bucket.</summary>
public sealed record TimeInStateBucket(
    DateTime StartUtc,
    double SecondsNeutral,
    double SecondsFlattened,
    double SecondsHyperextended,
    double SecondsUncalibrated,
    double SecondsStanding,
    double SecondsSitting,
    double SecondsWalking,
    double SecondsBending,
    double SecondsLying);

public sealed record AlertRow(
    DateTime TimeUtc,
    string DeviceId,
    string Device,
    string Kind,
    string Phase,
    DateTime EpisodeStartUtc,
    double DurationSeconds,
    double PeakDeltaDegrees,
    string Activity,
    bool Buzzed);

public sealed record BendRow(
    DateTime TimeUtc,
    string DeviceId,
    string Device,
    double DurationSeconds,
    double PeakLumbarFlexion,
    double PeakPelvicRotation,
    double LumbarShare,
    bool LumbarDominant);

public sealed record StatusRow(
    DateTime TimeUtc,
    string DeviceId,
    string Device,
    long BatteryMillivolts,
    long? BatteryPercent,
    double TemperatureCelsius,
    bool Charging,
    bool LumbarFault,
    bool PelvisFault);
