using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.LineProtocol;

/// <summary>The typed, allocation-free writers for the six measurements of Storage README, schema (names pre-escaped).</summary>
public sealed partial class LineProtocolWriter
{
    public bool WritePosture(in PostureRecord r)
    {
        BeginPoint("posture"u8);
        RawTags(r.Device.EncodedTags);
        RawField("lumbar_pitch="u8, r.LumbarPitchDegrees);
        RawField("lumbar_roll="u8, r.LumbarRollDegrees);
        RawField("pelvis_pitch="u8, r.PelvisPitchDegrees);
        RawField("pelvis_roll="u8, r.PelvisRollDegrees);
        RawField("pelvic_tilt="u8, r.PelvicTiltDegrees);
        RawField("lumbar_flexion="u8, r.LumbarFlexionDegrees);
        RawField("lordosis_delta="u8, r.LordosisDeltaDegrees);
        RawStringField("activity="u8, VocabularyText.ToUtf8(r.Activity));
        RawStringField("state="u8, VocabularyText.ToUtf8(r.State));
        return EndPoint(r.TimeUtc);
    }

    public bool WritePostureAlert(in PostureAlertRecord r)
    {
        BeginPoint("posture_alert"u8);
        RawTags(r.Device.EncodedTags);
        RawTags(",kind="u8);
        RawTags(VocabularyText.ToUtf8(r.Kind));
        RawStringField("phase="u8, VocabularyText.ToUtf8(r.Phase));
        RawField("episode_start_us="u8, r.EpisodeStartUnixMicroseconds);
        RawField("duration_s="u8, r.DurationSeconds);
        RawField("peak_delta="u8, r.PeakDeltaDegrees);
        RawStringField("activity="u8, VocabularyText.ToUtf8(r.Activity));
        RawField("buzzed="u8, r.Buzzed);
        return EndPoint(r.TimeUtc);
    }

    public bool WritePostureSummary(in PostureSummaryRecord r)
    {
        BeginPoint("posture_summary"u8);
        RawTags(r.Device.EncodedTags);
        RawField("seconds_neutral="u8, r.SecondsNeutral);
        RawField("seconds_flattened="u8, r.SecondsFlattened);
        RawField("seconds_hyperextended="u8, r.SecondsHyperextended);
        RawField("seconds_uncalibrated="u8, r.SecondsUncalibrated);
        RawField("seconds_standing="u8, r.SecondsStanding);
        RawField("seconds_sitting="u8, r.SecondsSitting);
        RawField("seconds_walking="u8, r.SecondsWalking);
        RawField("seconds_bending="u8, r.SecondsBending);
        RawField("seconds_lying="u8, r.SecondsLying);
        RawField("mean_pelvic_tilt="u8, r.MeanPelvicTiltDegrees);
        RawField("min_pelvic_tilt="u8, r.MinPelvicTiltDegrees);
        RawField("max_pelvic_tilt="u8, r.MaxPelvicTiltDegrees);
        RawField("mean_lordosis_delta="u8, r.MeanLordosisDeltaDegrees);
        RawField("min_lordosis_delta="u8, r.MinLordosisDeltaDegrees);
        RawField("max_lordosis_delta="u8, r.MaxLordosisDeltaDegrees);
        RawField("samples="u8, r.Samples);
        RawField("gaps="u8, r.Gaps);
        return EndPoint(r.TimeUtc);
    }

    public bool WritePostureBend(in PostureBendRecord r)
    {
        BeginPoint("posture_bend"u8);
        RawTags(r.Device.EncodedTags);
        RawField("duration_s="u8, r.DurationSeconds);
        RawField("peak_lumbar_flexion="u8, r.PeakLumbarFlexionDegrees);
        RawField("peak_pelvic_rotation="u8, r.PeakPelvicRotationDegrees);
        RawField("lumbar_share="u8, r.LumbarShare);
        RawField("lumbar_dominant="u8, r.LumbarDominant);
        return EndPoint(r.TimeUtc);
    }

    public bool WriteDeviceStatus(in DeviceStatusRecord r)
    {
        BeginPoint("device_status"u8);
        RawTags(r.Device.EncodedTags);
        RawField("battery_mv="u8, (long)r.BatteryMillivolts);
        if (r.BatteryPercent is int percent)
        {
            RawField("battery_pct="u8, (long)percent);
        }

        RawField("temperature_c="u8, r.TemperatureCelsius);
        RawField("charging="u8, r.Charging);
        RawField("lumbar_fault="u8, r.LumbarFault);
        RawField("pelvis_fault="u8, r.PelvisFault);
        return EndPoint(r.TimeUtc);
    }

    public bool WriteLinkStats(in LinkStatsRecord r)
    {
        BeginPoint("link_stats"u8);
        RawTags(r.Device.EncodedTags);
        RawTags(",transport="u8);
        RawTags(VocabularyText.ToUtf8(r.Transport));
        RawField("frames="u8, r.Frames);
        RawField("samples="u8, r.Samples);
        RawField("crc_errors="u8, r.CrcErrors);
        RawField("cobs_errors="u8, r.CobsErrors);
        RawField("other_errors="u8, r.OtherErrors);
        RawField("lost_frames="u8, r.LostFrames);
        RawField("resyncs="u8, r.Resyncs);
        RawField("reconnects="u8, r.Reconnects);
        return EndPoint(r.TimeUtc);
    }
}
