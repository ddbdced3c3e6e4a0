using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostureStream.Cli.Configuration;

/// <summary><c>--print-config</c>: the effective configuration as JSON, with tokens and passwords masked.</summary>
public static class SettingsPrinter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Print(RunSettings settings)
    {
        var shown = new
        {
            Sources = settings.Sources.Select(s => new { Uri = SecretMask.Uri(s.Uri), s.Name, s.Standing, s.Sitting }),
            Stores = settings.Stores.Select(SecretMask.Uri),
            settings.DeviceName,
            settings.AlertsOut,
            settings.Dashboard,
            settings.DashboardTokenFile,
            settings.NoDashboard,
            settings.Quiet,
            DataDirectory = settings.ResolveDataDirectory(),
            settings.Buzz,
            Detection = new
            {
                settings.Detection.ActivityDebounce,
                settings.Detection.BendingLumbarFlexionDegrees,
                settings.Detection.LyingInclinationDegrees,
                settings.Detection.LyingMinimumDuration,
                settings.Detection.WalkingMinFrequencyHz,
                settings.Detection.WalkingMaxFrequencyHz,
                settings.Detection.SittingPelvicTiltDegrees,
                settings.Detection.Standing,
                settings.Detection.Sitting,
                settings.Detection.SustainTime,
                settings.Detection.ReminderInterval,
                settings.Detection.ExcursionTolerance,
                settings.Detection.GapTolerance,
                settings.Detection.MaxBuzzesPerWindow,
                settings.Detection.BuzzWindow,
                settings.Detection.QuietHoursStart,
                settings.Detection.QuietHoursEnd,
                QuietHoursTimeZone = settings.Detection.QuietHoursTimeZone.Id,
                settings.Detection.SnoozeDuration,
                settings.Detection.LumbarDominantShare,
            },
            settings.Calibration,
            settings.LowPass,
        };
        return JsonSerializer.Serialize(shown, Options);
    }
}
