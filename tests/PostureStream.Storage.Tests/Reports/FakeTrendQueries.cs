using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Reports;

/// <summary>
/// TEST FAKE of <see cref="ITrendQueries"/>: answers with the rows it was given, unchanged, and
/// records the queries it was asked. It does no bucketing of its own; the rows are the expected
/// output of a real store.
/// </summary>
internal sealed class FakeTrendQueries : ITrendQueries
{
    public List<DeviceInfo> Devices { get; } = [];

    public List<AngleBucket> Angles { get; } = [];

    public List<TimeInStateBucket> States { get; } = [];

    public List<AlertRow> Alerts { get; } = [];

    public List<BendRow> Bends { get; } = [];

    public List<StatusRow> Statuses { get; } = [];

    public List<(TrendQuery Query, TrendGrain? Grain)> Asked { get; } = [];

    public Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken) => Answer<DeviceInfo>(Devices);

    public Task<IReadOnlyList<AngleBucket>> AngleTrendAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) => Answer(Angles, query, grain);

    public Task<IReadOnlyList<TimeInStateBucket>> TimeInStateAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) => Answer(States, query, grain);

    public Task<IReadOnlyList<AlertRow>> AlertsAsync(TrendQuery query, CancellationToken cancellationToken) => Answer(Alerts, query, null);

    public Task<IReadOnlyList<BendRow>> BendsAsync(TrendQuery query, CancellationToken cancellationToken) => Answer(Bends, query, null);

    public Task<IReadOnlyList<StatusRow>> LatestStatusAsync(string? deviceId, CancellationToken cancellationToken) => Answer<StatusRow>(Statuses);

    private static Task<IReadOnlyList<T>> Answer<T>(List<T> rows) => Task.FromResult<IReadOnlyList<T>>([.. rows]);

    private Task<IReadOnlyList<T>> Answer<T>(List<T> rows, TrendQuery query, TrendGrain? grain)
    {
        Asked.Add((query, grain));
        return Answer(rows);
    }
}
