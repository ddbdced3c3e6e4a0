namespace PostureStream.Devices.Session;

/// <summary>link_stats reports (Storage README, schema): on a timer for live sources, by device time for captures.</summary>
public sealed partial class DeviceSession
{
    /// <summary>Under the gate: a capture reports link_stats every interval of device time.</summary>
    private void ReportStatsInDeviceTime(long deviceMicros, DateTimeOffset at)
    {
        long interval = (long)_options.StatsInterval.TotalMicroseconds;
        // Intervals count from the first sample's device time.
        long start = _statsStartMicros ??= deviceMicros;
        if (PacedByWallClock || _stats is null || deviceMicros - start < interval)
        {
            return;
        }

        _statsStartMicros = start + ((deviceMicros - start) / interval * interval);
        _events.OnNext(new LinkStatsReported(_stats.Take(_decoder.Stats, _samples, _reconnects, _deviceTicks.LastTick, at), at));
    }

    private void ReportStats()
    {
        lock (_gate)
        {
            if (!_finished && _stats is not null)
            {
                _events.OnNext(new LinkStatsReported(_stats.Take(_decoder.Stats, _samples, _reconnects, _deviceTicks.LastTick, _time.GetUtcNow()), _time.GetUtcNow()));
            }
        }
    }
}
