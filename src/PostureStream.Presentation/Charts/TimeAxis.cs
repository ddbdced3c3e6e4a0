using System.Globalization;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>Maps UTC times of a range onto the plot's x extent, with ticks at round local times of the zone.</summary>
internal sealed class TimeAxis(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone, double left, double width)
{
    private const int MaxTicks = 7;

    private static readonly (TimeSpan Approx, Func<DateTime, DateTime> Floor, Func<DateTime, DateTime> Step, string Format)[] Steps =
    [
        Hours(1), Hours(2), Hours(3), Hours(6), Hours(12),
        Days(1), Days(2), (TimeSpan.FromDays(7), FloorToMonday, t => t.AddDays(7), "d MMM"),
        (TimeSpan.FromDays(14), FloorToMonday, t => t.AddDays(14), "d MMM"),
        Months(1), Months(2), Months(3), Months(6), Months(12),
    ];

    public DateTime FromUtc => fromUtc;

    public DateTime ToUtc => toUtc;

    public double X(DateTime utc) => left + (width * (utc - fromUtc).TotalSeconds / Math.Max(1, (toUtc - fromUtc).TotalSeconds));

    /// <summary>Tick times and their labels in the zone's local time.</summary>
    public IEnumerable<(DateTime Utc, string Label)> Ticks()
    {
        var span = toUtc - fromUtc;
        var step = Steps.FirstOrDefault(s => span / s.Approx <= MaxTicks, Steps[^1]);
        var local = step.Floor(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone));
        for (var guard = 0; guard < 64; guard++, local = step.Step(local))
        {
            var utc = TrendCalendar.LocalToUtc(local, zone);
            if (utc > toUtc)
            {
                yield break;
            }

            if (utc >= fromUtc)
            {
                var format = step.Format == "HH:mm" && local.TimeOfDay == TimeSpan.Zero ? "d MMM" : step.Format;
                yield return (utc, local.ToString(format, CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>A local time as the zone's users read it, for tooltips.</summary>
    public string Describe(DateTime utc, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString(format, CultureInfo.InvariantCulture);

    private static (TimeSpan, Func<DateTime, DateTime>, Func<DateTime, DateTime>, string) Hours(int n) =>
        (TimeSpan.FromHours(n), t => t.Date.AddHours(t.Hour - (t.Hour % n)), t => t.AddHours(n), "HH:mm");

    private static (TimeSpan, Func<DateTime, DateTime>, Func<DateTime, DateTime>, string) Days(int n) =>
        (TimeSpan.FromDays(n), t => t.Date, t => t.AddDays(n), "d MMM");

    private static (TimeSpan, Func<DateTime, DateTime>, Func<DateTime, DateTime>, string) Months(int n) =>
        (TimeSpan.FromDays(30.44 * n), t => new DateTime(t.Year, t.Month - ((t.Month - 1) % n), 1, 0, 0, 0, DateTimeKind.Unspecified), t => t.AddMonths(n), "MMM yyyy");

    private static DateTime FloorToMonday(DateTime t) => TrendCalendar.WeekStart(DateOnly.FromDateTime(t)).ToDateTime(TimeOnly.MinValue);
}
