using PostureStream.Dashboard.Charts;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// TEST FAKE: an in-memory <see cref="ITrendQueries"/> over hourly rollups, alerts, bends and
/// statuses that a test seeds. It aggregates the way the real stores promise to (half-open
/// ranges, buckets in the query's zone), so the dashboard can be driven without a database.
/// </summary>
internal sealed class FakeTrendQueries : ITrendQueries
{
    public List<HourRollup> Rollups { get; } = [];

    public List<AlertRow> Alerts { get; } = [];

    public List<BendRow> Bends { get; } = [];

    public List<StatusRow> Statuses { get; } = [];

    public Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeviceInfo>>(
            [.. Rollups.GroupBy(r => r.DeviceId).Select(g => new DeviceInfo(g.Key, g.First().Device, g.Max(r => r.StartUtc).AddHours(1))).OrderBy(d => d.Name)]);

    public Task<IReadOnlyList<AngleBucket>> AngleTrendAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AngleBucket>>(
        [
            .. InRange(query).GroupBy(r => BucketCalendar.Floor(r.StartUtc, grain, query.Zone)).OrderBy(g => g.Key).Select(g => new AngleBucket(
                g.Key,
                g.Sum(r => r.MeanPelvicTilt * r.Samples) / g.Sum(r => r.Samples),
                g.Min(r => r.MinPelvicTilt),
                g.Max(r => r.MaxPelvicTilt),
                g.Sum(r => r.MeanLordosisDelta * r.Samples) / g.Sum(r => r.Samples),
                g.Min(r => r.MinLordosisDelta),
                g.Max(r => r.MaxLordosisDelta),
                g.Sum(r => r.Samples))),
        ]);

    public Task<IReadOnlyList<TimeInStateBucket>> TimeInStateAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TimeInStateBucket>>(
        [
            .. InRange(query).GroupBy(r => BucketCalendar.Floor(r.StartUtc, grain, query.Zone)).OrderBy(g => g.Key).Select(g => new TimeInStateBucket(
                g.Key,
                g.Sum(r => r.Time.SecondsNeutral),
                g.Sum(r => r.Time.SecondsFlattened),
                g.Sum(r => r.Time.SecondsHyperextended),
                g.Sum(r => r.Time.SecondsUncalibrated),
                g.Sum(r => r.Time.SecondsStanding),
                g.Sum(r => r.Time.SecondsSitting),
                g.Sum(r => r.Time.SecondsWalking),
                g.Sum(r => r.Time.SecondsBending),
                g.Sum(r => r.Time.SecondsLying))),
        ]);

    public Task<IReadOnlyList<AlertRow>> AlertsAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AlertRow>>([.. Alerts.Where(a => Matches(query, a.TimeUtc, a.DeviceId)).OrderBy(a => a.TimeUtc)]);

    public Task<IReadOnlyList<BendRow>> BendsAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BendRow>>([.. Bends.Where(b => Matches(query, b.TimeUtc, b.DeviceId)).OrderBy(b => b.TimeUtc)]);

    public Task<IReadOnlyList<StatusRow>> LatestStatusAsync(string? deviceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StatusRow>>(
            [.. Statuses.Where(s => deviceId is null || s.DeviceId == deviceId).GroupBy(s => s.DeviceId).Select(g => g.MaxBy(s => s.TimeUtc)!)]);

    private IEnumerable<HourRollup> InRange(TrendQuery query) => Rollups.Where(r => Matches(query, r.StartUtc, r.DeviceId));

    private static bool Matches(TrendQuery query, DateTime time, string deviceId) =>
        time >= query.FromUtc && time < query.ToUtc && (query.DeviceId is null || query.DeviceId == deviceId);
}

/// <summary>One device-hour of the fake's data: angle statistics and the time-in-state split.</summary>
internal sealed record HourRollup(
    string DeviceId,
    string Device,
    DateTime StartUtc,
    double MeanPelvicTilt,
    double MinPelvicTilt,
    double MaxPelvicTilt,
    double MeanLordosisDelta,
    double MinLordosisDelta,
    double MaxLordosisDelta,
    long Samples,
    TimeInStateBucket Time);
