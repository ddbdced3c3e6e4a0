using System.Globalization;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests;

/// <summary>What a store should hold for a point: measurement, tags and typed field values, taken from the record itself.</summary>
internal sealed record ExpectedPoint(string Measurement, Dictionary<string, string> Tags, Dictionary<string, object> Fields, long UnixNanoseconds)
{
    public static ExpectedPoint From(IStoredPoint point)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StorageSchema.DeviceTag] = LineProtocolEscaper.Sanitize(point.Device.Name),
            [StorageSchema.DeviceIdTag] = point.Device.DeviceIdHex,
        };
        long ns = (point.TimeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        switch (point)
        {
            case PostureRecord r:
                return new(StorageSchema.PostureMeasurement, tags, new()
                {
                    ["lumbar_pitch"] = r.LumbarPitchDegrees, ["lumbar_roll"] = r.LumbarRollDegrees,
                    ["pelvis_pitch"] = r.PelvisPitchDegrees, ["pelvis_roll"] = r.PelvisRollDegrees,
                    ["pelvic_tilt"] = r.PelvicTiltDegrees, ["lumbar_flexion"] = r.LumbarFlexionDegrees,
                    ["lordosis_delta"] = r.LordosisDeltaDegrees,
                    ["activity"] = VocabularyText.ToText(r.Activity), ["state"] = VocabularyText.ToText(r.State),
                }, ns);
            case PostureAlertRecord r:
                tags[StorageSchema.KindTag] = VocabularyText.ToText(r.Kind);
                return new(StorageSchema.PostureAlertMeasurement, tags, new()
                {
                    ["phase"] = VocabularyText.ToText(r.Phase), ["episode_start_us"] = r.EpisodeStartUnixMicroseconds,
                    ["duration_s"] = r.DurationSeconds, ["peak_delta"] = r.PeakDeltaDegrees,
                    ["activity"] = VocabularyText.ToText(r.Activity), ["buzzed"] = r.Buzzed,
                }, ns);
            case PostureSummaryRecord r:
                return new(StorageSchema.PostureSummaryMeasurement, tags, new()
                {
                    ["seconds_neutral"] = r.SecondsNeutral, ["seconds_flattened"] = r.SecondsFlattened,
                    ["seconds_hyperextended"] = r.SecondsHyperextended, ["seconds_uncalibrated"] = r.SecondsUncalibrated,
                    ["seconds_standing"] = r.SecondsStanding, ["seconds_sitting"] = r.SecondsSitting,
                    ["seconds_walking"] = r.SecondsWalking, ["seconds_bending"] = r.SecondsBending, ["seconds_lying"] = r.SecondsLying,
                    ["mean_pelvic_tilt"] = r.MeanPelvicTiltDegrees, ["min_pelvic_tilt"] = r.MinPelvicTiltDegrees, ["max_pelvic_tilt"] = r.MaxPelvicTiltDegrees,
                    ["mean_lordosis_delta"] = r.MeanLordosisDeltaDegrees, ["min_lordosis_delta"] = r.MinLordosisDeltaDegrees,
                    ["max_lordosis_delta"] = r.MaxLordosisDeltaDegrees, ["samples"] = r.Samples, ["gaps"] = r.Gaps,
                }, ns);
            case PostureBendRecord r:
                return new(StorageSchema.PostureBendMeasurement, tags, new()
                {
                    ["duration_s"] = r.DurationSeconds, ["peak_lumbar_flexion"] = r.PeakLumbarFlexionDegrees,
                    ["peak_pelvic_rotation"] = r.PeakPelvicRotationDegrees, ["lumbar_share"] = r.LumbarShare,
                    ["lumbar_dominant"] = r.LumbarDominant,
                }, ns);
            case DeviceStatusRecord r:
                var fields = new Dictionary<string, object>
                {
                    ["battery_mv"] = (long)r.BatteryMillivolts, ["temperature_c"] = r.TemperatureCelsius,
                    ["charging"] = r.Charging, ["lumbar_fault"] = r.LumbarFault, ["pelvis_fault"] = r.PelvisFault,
                };
                if (r.BatteryPercent is int percent)
                {
                    fields["battery_pct"] = (long)percent;
                }

                return new(StorageSchema.DeviceStatusMeasurement, tags, fields, ns);
            case LinkStatsRecord r:
                tags[StorageSchema.TransportTag] = VocabularyText.ToText(r.Transport);
                return new(StorageSchema.LinkStatsMeasurement, tags, new()
                {
                    ["frames"] = r.Frames, ["samples"] = r.Samples, ["crc_errors"] = r.CrcErrors, ["cobs_errors"] = r.CobsErrors,
                    ["other_errors"] = r.OtherErrors, ["lost_frames"] = r.LostFrames, ["resyncs"] = r.Resyncs, ["reconnects"] = r.Reconnects,
                }, ns);
            case PostureNeutralRecord r:
                return new(StorageSchema.PostureNeutralMeasurement, tags, new()
                {
                    ["activity"] = VocabularyText.ToText(r.Posture), ["method"] = VocabularyText.ToText(r.Method),
                    ["lumbar_pitch"] = r.LumbarPitchDegrees, ["lumbar_roll"] = r.LumbarRollDegrees,
                    ["pelvis_pitch"] = r.PelvisPitchDegrees, ["pelvis_roll"] = r.PelvisRollDegrees,
                }, ns);
            case ProgrammeRecord r:
                tags[StorageSchema.KindTag] = VocabularyText.ToText(r.Kind);
                var programme = new Dictionary<string, object>
                {
                    ["programme_id"] = r.ProgrammeId, ["name"] = r.Name, ["targets"] = r.Targets,
                    ["start_date"] = r.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["sessions_per_week"] = (long)r.SessionsPerWeek,
                };
                if (r.End is DateOnly end)
                {
                    programme["end_date"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                return new(StorageSchema.ProgrammeMeasurement, tags, programme, ns);
            case ProgrammeSessionRecord r:
                var session = new Dictionary<string, object>
                {
                    ["programme_id"] = r.ProgrammeId, ["duration_s"] = r.Duration.TotalSeconds, ["source"] = VocabularyText.ToText(r.Source),
                };
                if (r.Note is { } note)
                {
                    session["note"] = note;
                }

                return new(StorageSchema.ProgrammeSessionMeasurement, tags, session, ns);
            default:
                throw new ArgumentOutOfRangeException(nameof(point));
        }
    }
}
