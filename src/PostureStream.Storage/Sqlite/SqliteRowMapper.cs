using System.Runtime.CompilerServices;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// Turns the six point records into <see cref="SqliteRow"/>s, following <see cref="StorageSchema"/>'s
/// field order. Non-finite floats become NULL (as InfluxDB drops them); the device name is stored
/// as InfluxDB would hold it (<see cref="LineProtocolEscaper.Sanitize"/>) so both stores answer alike.
/// </summary>
internal static class SqliteRowMapper
{
    private static readonly ConditionalWeakTable<DeviceSeries, string> StoredNames = new();

    /// <summary>The row for a point, or null when it has no field left to store.</summary>
    public static SqliteRow? Map<T>(in T point)
        where T : struct, IStoredPoint
    {
        object boxed = point;
        var (measurement, extraTag, fields) = boxed switch
        {
            PostureRecord r => (StorageSchema.Posture, (string?)null, new object?[]
            {
                F(r.LumbarPitchDegrees), F(r.LumbarRollDegrees), F(r.PelvisPitchDegrees), F(r.PelvisRollDegrees),
                F(r.PelvicTiltDegrees), F(r.LumbarFlexionDegrees), F(r.LordosisDeltaDegrees),
                VocabularyText.ToText(r.Activity), VocabularyText.ToText(r.State),
            }),
            PostureAlertRecord r => (StorageSchema.PostureAlert, VocabularyText.ToText(r.Kind), new object?[]
            {
                VocabularyText.ToText(r.Phase), r.EpisodeStartUnixMicroseconds, F(r.DurationSeconds), F(r.PeakDeltaDegrees),
                VocabularyText.ToText(r.Activity), B(r.Buzzed),
            }),
            PostureSummaryRecord r => (StorageSchema.PostureSummary, null, new object?[]
            {
                F(r.SecondsNeutral), F(r.SecondsFlattened), F(r.SecondsHyperextended), F(r.SecondsUncalibrated),
                F(r.SecondsStanding), F(r.SecondsSitting), F(r.SecondsWalking), F(r.SecondsBending), F(r.SecondsLying),
                F(r.MeanPelvicTiltDegrees), F(r.MinPelvicTiltDegrees), F(r.MaxPelvicTiltDegrees),
                F(r.MeanLordosisDeltaDegrees), F(r.MinLordosisDeltaDegrees), F(r.MaxLordosisDeltaDegrees),
                r.Samples, r.Gaps,
            }),
            PostureBendRecord r => (StorageSchema.PostureBend, null, new object?[]
            {
                F(r.DurationSeconds), F(r.PeakLumbarFlexionDegrees), F(r.PeakPelvicRotationDegrees), F(r.LumbarShare), B(r.LumbarDominant),
            }),
            DeviceStatusRecord r => (StorageSchema.DeviceStatus, null, new object?[]
            {
                (long)r.BatteryMillivolts, r.BatteryPercent is int percent ? (long)percent : null, F(r.TemperatureCelsius),
                B(r.Charging), B(r.LumbarFault), B(r.PelvisFault),
            }),
            LinkStatsRecord r => (StorageSchema.LinkStats, VocabularyText.ToText(r.Transport), new object?[]
            {
                r.Frames, r.Samples, r.CrcErrors, r.CobsErrors, r.OtherErrors, r.LostFrames, r.Resyncs, r.Reconnects,
            }),
            _ => throw new ArgumentException($"{typeof(T).Name} is not one of the schema's point records (Storage README, schema)", nameof(point)),
        };

        if (Array.TrueForAll(fields, f => f is null))
        {
            return null;
        }

        string[] tags = extraTag is null
            ? [StoredName(point.Device), point.Device.DeviceIdHex]
            : [StoredName(point.Device), point.Device.DeviceIdHex, extraTag];
        return new SqliteRow(measurement, ToUnixNanoseconds(point.TimeUtc), tags, fields);
    }

    public static long ToUnixNanoseconds(DateTime timeUtc) => (timeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public static DateTime FromUnixNanoseconds(long nanoseconds) =>
        new(DateTime.UnixEpoch.Ticks + Math.DivRem(nanoseconds, 100, out long rest) - (rest < 0 ? 1 : 0), DateTimeKind.Utc);

    private static string StoredName(DeviceSeries device) =>
        StoredNames.GetValue(device, d => LineProtocolEscaper.Sanitize(d.Name));

    private static object? F(double value) => double.IsFinite(value) ? value : null;

    private static object B(bool value) => value ? 1L : 0L;
}
