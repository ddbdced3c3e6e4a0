namespace PostureStream.Signals.Detection;

/// <summary>
/// One alert event (<c>posture_alert</c> in Storage README, schema; the alerts file in README, using it). Always recorded;
/// <see cref="Buzzed"/> says whether the alert-fatigue controls let it buzz the device.
/// </summary>
/// <param name="Utc">Stamp of the sample at which the event happened.</param>
/// <param name="DeviceMicros">Device time of that sample.</param>
/// <param name="EpisodeStartUtc">Stamp of the first sample past the start threshold.</param>
/// <param name="EpisodeStartMicros">Device time of that sample.</param>
/// <param name="Duration">Accumulated episode time (pauses excluded).</param>
/// <param name="PeakDeltaDegrees">Most extreme lordosis_delta of the episode, signed.</param>
/// <param name="Activity">Activity at the event's sample.</param>
/// <param name="Buzzed">True when this event should buzz the device (raised/reminder, under the hourly limit, outside quiet hours, not snoozed).</param>
public readonly record struct AlertEvent(
    DeviceIdentity Device,
    DateTime Utc,
    long DeviceMicros,
    AlertKind Kind,
    AlertPhase Phase,
    DateTime EpisodeStartUtc,
    long EpisodeStartMicros,
    TimeSpan Duration,
    double PeakDeltaDegrees,
    Activity Activity,
    bool Buzzed)
{
    /// <summary><c>duration_s</c> / <c>durationSeconds</c>.</summary>
    public double DurationSeconds => Duration.Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary><c>episode_start_us</c>: µs since the Unix epoch.</summary>
    public long EpisodeStartUnixMicros => (EpisodeStartUtc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
