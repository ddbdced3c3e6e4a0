using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PostureStream.Cli.Run;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// <c>--print-config</c>: the effective configuration as JSON, with tokens and passwords masked and defaults
/// resolved (the data directory, and the SQLite store used when no store is given).
/// </summary>
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
            settings.Wearers,
            // With no store given, the one run really writes: the SQLite file of the data directory.
            Stores = settings.Stores.Count > 0
                ? settings.Stores.Select(SecretMask.Uri)
                : [StoreOpener.DefaultStoreUri(settings.ResolveDataDirectory())],
            settings.DeviceName,
            settings.AlertsOut,
            settings.Dashboard,
            settings.DashboardTokenFile,
            settings.NoDashboard,
            settings.Quiet,
            settings.Notify,
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
