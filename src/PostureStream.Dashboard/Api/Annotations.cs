using PostureStream.Presentation.Charts;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Api;

/// <summary>The programmes and sessions of a chart's range and device, as the charts mark them.</summary>
internal static class Annotations
{
    public static async Task<ChartAnnotations> ReadAsync(IProgrammeQueries? programmes, TrendQuery range, CancellationToken ct)
    {
        if (programmes is null)
        {
            return ChartAnnotations.None;
        }

        var rows = await programmes.ProgrammesAsync(range.DeviceId, ct);
        var sessions = await programmes.SessionsAsync(range, ct);
        return new ChartAnnotations(
            [
                .. rows.Select(p => new ProgrammeSpan(
                    p.ProgrammeId, p.Name, TrendCalendar.DayStartUtc(p.Start, range.Zone),
                    p.End is DateOnly end ? TrendCalendar.DayStartUtc(end.AddDays(1), range.Zone) : null)),
            ],
            [.. sessions.Where(s => range.DeviceId is null || string.Equals(s.DeviceId, range.DeviceId, StringComparison.OrdinalIgnoreCase)).Select(s => s.TimeUtc)]);
    }
}
