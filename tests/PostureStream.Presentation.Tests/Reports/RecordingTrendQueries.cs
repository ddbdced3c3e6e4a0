using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Reports;

/// <summary>Passes every question on to a real store's queries and notes which range, zone and grain were asked.</summary>
internal sealed class RecordingTrendQueries(ITrendQueries inner) : ITrendQueries
{
    public List<(TrendQuery Query, TrendGrain? Grain)> Asked { get; } = [];

    public Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken) => inner.ListDevicesAsync(cancellationToken);

    public Task<IReadOnlyList<AngleBucket>> AngleTrendAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) =>
        Note(query, grain, inner.AngleTrendAsync(query, grain, cancellationToken));

    public Task<IReadOnlyList<TimeInStateBucket>> TimeInStateAsync(TrendQuery query, TrendGrain grain, CancellationToken cancellationToken) =>
        Note(query, grain, inner.TimeInStateAsync(query, grain, cancellationToken));

    public Task<IReadOnlyList<AlertRow>> AlertsAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Note(query, null, inner.AlertsAsync(query, cancellationToken));

    public Task<IReadOnlyList<BendRow>> BendsAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Note(query, null, inner.BendsAsync(query, cancellationToken));

    public Task<IReadOnlyList<StatusRow>> LatestStatusAsync(string? deviceId, CancellationToken cancellationToken) =>
        inner.LatestStatusAsync(deviceId, cancellationToken);

    private Task<T> Note<T>(TrendQuery query, TrendGrain? grain, Task<T> answer)
    {
        Asked.Add((query, grain));
        return answer;
    }
}
