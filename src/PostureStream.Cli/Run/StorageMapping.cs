using PostureStream.Devices.Session;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Signals.Pipeline;
using PostureStream.Signals.Wearers;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>Detection outputs as the schema records the stores write (Storage README, schema).</summary>
public static class StorageMapping
{
    /// <summary>
    /// Angles are stored to 0.001°: the sensors resolve 0.01°, and short decimals take the line-protocol
    /// encoder's exact fixed-point path (about 3× faster than shortest round-trip formatting).
    /// </summary>
    public static PostureRecord Posture(in PosturePoint p, DeviceSeries series) => new(
        series, p.Utc, Milli(p.LumbarPitch), Milli(p.LumbarRoll), Milli(p.PelvisPitch), Milli(p.PelvisRoll),
        Milli(p.PelvicTilt), Milli(p.LumbarFlexion), Milli(p.LordosisDelta), p.Activity, p.State);

    private static double Milli(double degrees) => Math.Round(degrees, 3);

    public static PostureAlertRecord Alert(in AlertEvent a, DeviceSeries series) => new(
        series,
        a.Utc,
        a.Kind,
        a.Phase,
        a.EpisodeStartUtc,
        a.DurationSeconds,
        a.PeakDeltaDegrees,
        a.Activity,
        a.Buzzed);

    /// <summary>
    /// A device's status as a <c>device_status</c> point, or null when the device gave no battery voltage
    /// (battery_mv is an integer field of every such point; a source that cannot tell has no status point).
    /// An unknown temperature is NaN, which the stores drop as a field.
    /// </summary>
    public static DeviceStatusRecord? Status(in DeviceStatus s, DateTime utc, DeviceSeries series) =>
        s.BatteryMillivolts is not int millivolts ? null : new DeviceStatusRecord(
            series,
            utc,
            millivolts,
            s.BatteryPercent,
            s.TemperatureCelsius ?? double.NaN,
            s.Charging,
            (s.Faults & SensorFaults.Lumbar) != 0,
            (s.Faults & SensorFaults.Pelvis) != 0);

    /// <summary>
    /// One interval of a link's counts as a <c>link_stats</c> point stored at <paramref name="utc"/> (a PSP device's
    /// <see cref="LinkStatsStamp"/>; a wearer's sensor its interval's arrival start), with the body segment of a
    /// wearer's sensor link (null for a PSP device's one link, whose series stays as it was).
    /// </summary>
    public static LinkStatsRecord LinkInterval(in LinkStats s, DateTime utc, DeviceSeries series, WearerSegment? segment = null) => new(
        series, utc, s.Transport, s.Frames, s.Samples, s.CrcErrors, s.CobsErrors, s.OtherErrors, s.LostFrames, s.Resyncs, s.Reconnects,
        segment is { } known ? Segment(known) : null);

    /// <summary>A wearer's sensor link went down (<paramref name="fault"/>) or came back, as a <c>device_status</c> point of its segment.</summary>
    public static DeviceStatusRecord LinkState(WearerSegment segment, bool fault, DateTime utc, DeviceSeries series) =>
        DeviceStatusRecord.LinkFault(series, utc, Segment(segment), fault);

    /// <summary>The stored <c>segment</c> of a wearer's sensor placement.</summary>
    public static BodySegment Segment(WearerSegment segment) => segment switch
    {
        WearerSegment.Lumbar => BodySegment.Lumbar,
        WearerSegment.Pelvis => BodySegment.Pelvis,
    };

    public static PostureBendRecord Bend(in BendEvent b, DeviceSeries series) => new(
        series, b.Utc, b.DurationSeconds, b.PeakLumbarFlexion, b.PeakPelvicRotation, b.LumbarShare, b.LumbarDominant);

    public static PostureSummaryRecord Summary(in MinuteSummary m, DeviceSeries series) => new(
        series,
        m.MinuteStartUtc,
        m.SecondsNeutral,
        m.SecondsFlattened,
        m.SecondsHyperextended,
        m.SecondsUncalibrated,
        m.SecondsStanding,
        m.SecondsSitting,
        m.SecondsWalking,
        m.SecondsBending,
        m.SecondsLying,
        m.MeanPelvicTilt,
        m.MinPelvicTilt,
        m.MaxPelvicTilt,
        m.MeanLordosisDelta,
        m.MinLordosisDelta,
        m.MaxLordosisDelta,
        m.Samples,
        m.Gaps);
}
