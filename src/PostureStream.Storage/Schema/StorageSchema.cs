namespace PostureStream.Storage.Schema;

/// <summary>
/// The storage schema (Storage README, schema), the one definition every store uses: measurement names, tag keys and
/// fields with their types. The line-protocol writer and the SQLite store both follow it, and a
/// test checks the encoder against it field by field.
/// </summary>
public static class StorageSchema
{
    public const string PostureMeasurement = "posture";
    public const string PostureAlertMeasurement = "posture_alert";
    public const string PostureSummaryMeasurement = "posture_summary";
    public const string PostureBendMeasurement = "posture_bend";
    public const string DeviceStatusMeasurement = "device_status";
    public const string LinkStatsMeasurement = "link_stats";
    public const string PostureNeutralMeasurement = "posture_neutral";
    public const string ProgrammeMeasurement = "programme";
    public const string ProgrammeSessionMeasurement = "programme_session";

    /// <summary>Tag: the device's display name.</summary>
    public const string DeviceTag = "device";

    /// <summary>Tag: the device id as 16 lowercase hex digits.</summary>
    public const string DeviceIdTag = "device_id";

    /// <summary>Tag of <c>posture_alert</c> (flattening or hyperextension) and of <c>programme</c> (release, stretch or strengthen).</summary>
    public const string KindTag = "kind";

    /// <summary>Tag of <c>link_stats</c>: serial, ble, tcp, file or sim.</summary>
    public const string TransportTag = "transport";

    private static readonly string[] DeviceTags = [DeviceTag, DeviceIdTag];

    /// <summary>10 points/s/device after decimation (Detection README). Angles in degrees.</summary>
    public static MeasurementDefinition Posture { get; } = new(PostureMeasurement, DeviceTags,
    [
        F("lumbar_pitch"), F("lumbar_roll"), F("pelvis_pitch"), F("pelvis_roll"),
        F("pelvic_tilt"), F("lumbar_flexion"), F("lordosis_delta"),
        S("activity"), S("state"),
    ]);

    /// <summary>One point per alert event (raised, reminder, cleared).</summary>
    public static MeasurementDefinition PostureAlert { get; } = new(PostureAlertMeasurement, [DeviceTag, DeviceIdTag, KindTag],
    [
        S("phase"), I("episode_start_us"), F("duration_s"), F("peak_delta"), S("activity"), B("buzzed"),
    ]);

    /// <summary>Per minute per device, stamped at the minute's start.</summary>
    public static MeasurementDefinition PostureSummary { get; } = new(PostureSummaryMeasurement, DeviceTags,
    [
        F("seconds_neutral"), F("seconds_flattened"), F("seconds_hyperextended"), F("seconds_uncalibrated"),
        F("seconds_standing"), F("seconds_sitting"), F("seconds_walking"), F("seconds_bending"), F("seconds_lying"),
        F("mean_pelvic_tilt"), F("min_pelvic_tilt"), F("max_pelvic_tilt"),
        F("mean_lordosis_delta"), F("min_lordosis_delta"), F("max_lordosis_delta"),
        I("samples"), I("gaps"),
    ]);

    /// <summary>One point per forward bend, stamped at its peak.</summary>
    public static MeasurementDefinition PostureBend { get; } = new(PostureBendMeasurement, DeviceTags,
    [
        F("duration_s"), F("peak_lumbar_flexion"), F("peak_pelvic_rotation"), F("lumbar_share"), B("lumbar_dominant"),
    ]);

    /// <summary>One point per STATUS frame; battery_pct is absent when the device does not know it.</summary>
    public static MeasurementDefinition DeviceStatus { get; } = new(DeviceStatusMeasurement, DeviceTags,
    [
        I("battery_mv"), I("battery_pct"), F("temperature_c"), B("charging"), B("lumbar_fault"), B("pelvis_fault"),
    ]);

    /// <summary>Every 10 s: counts over that interval.</summary>
    public static MeasurementDefinition LinkStats { get; } = new(LinkStatsMeasurement, [DeviceTag, DeviceIdTag, TransportTag],
    [
        I("frames"), I("samples"), I("crc_errors"), I("cobs_errors"), I("other_errors"),
        I("lost_frames"), I("resyncs"), I("reconnects"),
    ]);

    /// <summary>
    /// One point per neutral taken (standing or sitting, in <c>activity</c>), stamped when it was taken: the history
    /// of a wearer's neutrals, which the analysis reads as the habitual standing inclination.
    /// </summary>
    public static MeasurementDefinition PostureNeutral { get; } = new(PostureNeutralMeasurement, DeviceTags,
    [
        S("activity"), S("method"), F("lumbar_pitch"), F("lumbar_roll"), F("pelvis_pitch"), F("pelvis_roll"),
    ]);

    /// <summary>
    /// One point per exercise programme, stamped at 00:00 UTC of its start date (written again, same series and
    /// time, when it ends). <c>targets</c> is a comma-separated list; dates are <c>yyyy-MM-dd</c>.
    /// </summary>
    public static MeasurementDefinition Programme { get; } = new(ProgrammeMeasurement, [DeviceTag, DeviceIdTag, KindTag],
    [
        I("programme_id"), S("name"), S("targets"), S("start_date"), S("end_date"), I("sessions_per_week"),
    ]);

    /// <summary>One point per exercise session done, stamped when it was done.</summary>
    public static MeasurementDefinition ProgrammeSession { get; } = new(ProgrammeSessionMeasurement, DeviceTags,
    [
        I("programme_id"), F("duration_s"), S("note"), S("source"),
    ]);

    /// <summary>All nine measurements. New ones are only ever appended (the SQLite disk queue stores a row's index here).</summary>
    public static IReadOnlyList<MeasurementDefinition> All { get; } =
        [Posture, PostureAlert, PostureSummary, PostureBend, DeviceStatus, LinkStats, PostureNeutral, Programme, ProgrammeSession];

    /// <summary>The measurements of the physiotherapist's records: never deleted by retention.</summary>
    public static IReadOnlyList<MeasurementDefinition> ProgrammeRecords { get; } = [Programme, ProgrammeSession];

    /// <summary>The measurement called <paramref name="name"/>, or null.</summary>
    public static MeasurementDefinition? Find(string name)
    {
        foreach (var measurement in All)
        {
            if (string.Equals(measurement.Name, name, StringComparison.Ordinal))
            {
                return measurement;
            }
        }

        return null;
    }

    private static FieldDefinition F(string name) => new(name, FieldType.Float);

    private static FieldDefinition I(string name) => new(name, FieldType.Integer);

    private static FieldDefinition S(string name) => new(name, FieldType.String);

    private static FieldDefinition B(string name) => new(name, FieldType.Boolean);
}
