using System.Runtime.CompilerServices;

namespace PostureStream.Signals.Detection;

/// <summary>
/// Alert-fatigue controls for one device (Detection README): at most N buzzes in any rolling window of
/// device time, none in quiet hours (local time of day of the UTC stamp), none while snoozed.
/// It only decides about buzzing: every alert is recorded anyway.
/// </summary>
internal struct BuzzGovernor
{
    private BuzzTimes _times;
    private long _snoozedUntilMicros;
    private int _first;
    private int _count;

    public BuzzGovernor()
    {
        _snoozedUntilMicros = long.MinValue;
    }

    public readonly long SnoozedUntilMicros => _snoozedUntilMicros;

    public void Snooze(long deviceMicros, DetectionRules rules) =>
        _snoozedUntilMicros = Math.Max(_snoozedUntilMicros, deviceMicros + rules.SnoozeMicros);

    /// <summary>Whether an alert at this sample may buzz; if so, the buzz is counted.</summary>
    public bool TryBuzz(long deviceMicros, DateTime utc, DetectionRules rules)
    {
        if (rules.MaxBuzzes == 0 || deviceMicros < _snoozedUntilMicros || InQuietHours(utc, rules))
        {
            return false;
        }

        while (_count > 0 && deviceMicros - _times[_first] >= rules.BuzzWindowMicros)
        {
            _first = (_first + 1) % DeviceDetectorLimits.MaxBuzzesPerWindow;
            _count--;
        }

        if (_count >= rules.MaxBuzzes)
        {
            return false;
        }

        _times[(_first + _count) % DeviceDetectorLimits.MaxBuzzesPerWindow] = deviceMicros;
        _count++;
        return true;
    }

    private static bool InQuietHours(DateTime utc, DetectionRules rules)
    {
        if (rules.QuietStart is not { } start || rules.QuietEnd is not { } end || start == end)
        {
            return false;
        }

        DateTime local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), rules.QuietZone);
        return TimeOnly.FromDateTime(local).IsBetween(start, end);
    }

    [InlineArray(DeviceDetectorLimits.MaxBuzzesPerWindow)]
    private struct BuzzTimes
    {
        private long _element;
    }
}
