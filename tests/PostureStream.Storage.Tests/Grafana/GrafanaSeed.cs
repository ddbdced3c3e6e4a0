using System.Globalization;
using System.Net;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Grafana;

/// <summary>
/// Two hours of every measurement for two devices, written with the project's line protocol writer
/// to influxd's /write. The device names hold regex and quoting characters on purpose.
/// </summary>
internal static class GrafanaSeed
{
    public static readonly DateTime FromUtc = new(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime ToUtc = FromUtc.AddHours(2);
    public static readonly DeviceSeries Anna = new("Anna's belt", 0x0123456789ABCDEFUL);
    public static readonly DeviceSeries Lab = new("lab (east) 1.5", 0x00000000DEADBEEFUL);

    public static async Task WriteAsync(InfluxdServer server, string database)
    {
        await server.CreateDatabaseAsync(database);
        using var buffer = new LineProtocolBuffer();
        var writer = new LineProtocolWriter(buffer, TimestampPrecision.Milliseconds);
        foreach (var device in new[] { Anna, Lab })
        {
            foreach (var point in Points(device))
            {
                point.WriteTo(writer);
            }
        }

        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}/write?db={database}&precision=ms"));
        using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        using var response = await server.Http.PostAsync(uri, content);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"influxd refused the seed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static IEnumerable<IStoredPoint> Points(DeviceSeries device)
    {
        for (var t = FromUtc; t < ToUtc; t = t.AddSeconds(10))
        {
            double minutes = (t - FromUtc).TotalMinutes;
            var state = ((int)minutes % 10) switch { < 6 => PostureState.Neutral, < 8 => PostureState.Flattened, _ => PostureState.Hyperextended };
            yield return new PostureRecord(device, t, 5, 0.5, 12, -0.5, 10 + Math.Sin(minutes / 10), 30, -2 + Math.Cos(minutes / 7), Activity.Sitting, state);
            yield return new LinkStatsRecord(device, t, Transport.Serial, 100, 100, (long)minutes % 3 == 0 ? 1 : 0, 0, 0, (long)minutes % 5 == 0 ? 2 : 0, 0, 0);
        }

        for (var t = FromUtc; t < ToUtc; t = t.AddMinutes(1))
        {
            yield return new PostureSummaryRecord(device, t, 36, 12, 6, 6, 0, 60, 0, 0, 0, 10, 8, 12, -2, -4, 0, 600, 0);
        }

        for (var t = FromUtc.AddMinutes(3); t < ToUtc; t = t.AddMinutes(20))
        {
            yield return new PostureAlertRecord(device, t, AlertKind.Flattening, AlertPhase.Raised, t.AddMinutes(-1), 60, -12, Activity.Sitting, true);
            yield return new PostureAlertRecord(device, t.AddMinutes(2), AlertKind.Flattening, AlertPhase.Cleared, t.AddMinutes(-1), 180, -14, Activity.Sitting, false);
            yield return new PostureAlertRecord(device, t.AddMinutes(5), AlertKind.Hyperextension, AlertPhase.Raised, t.AddMinutes(4), 45, 9, Activity.Standing, true);
        }

        int bend = 0;
        for (var t = FromUtc.AddMinutes(2); t < ToUtc; t = t.AddMinutes(7), bend++)
        {
            yield return new PostureBendRecord(device, t, 2.5, 50, 20, 0.45 + (0.05 * (bend % 4)), bend % 2 == 0);
        }

        for (var t = FromUtc; t < ToUtc; t = t.AddMinutes(5))
        {
            yield return new DeviceStatusRecord(device, t, 4000 - (int)(t - FromUtc).TotalMinutes, 90 - (int)((t - FromUtc).TotalMinutes / 10), 31.5, false, false, false);
        }
    }
}
