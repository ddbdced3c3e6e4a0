using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PostureStream.Cli.Run;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// <c>--print-config</c>: the effective configuration as JSON, with tokens and passwords masked and defaults
/// resolved (the data directory, and the SQLite store used when no store is given).
/// </summary>
public static class SettingsPrinter
{
    /// <summary>Indented, PascalCase names as the settings are spelled in the file, enums by name, text unescaped.</summary>
    private static readonly PrintedSettingsContext Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<BuzzPattern>() },
    });

    public static string Print(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var detection = settings.Detection;
        var shown = new PrintedSettings(
            [.. settings.Sources.Select(s => new PrintedSource(SecretMask.Uri(s.Uri), s.Name, s.Standing, s.Sitting))],
            settings.Wearers,
            // With no store given, the one run really writes: the SQLite file of the data directory.
            settings.Stores.Count > 0 ? [.. settings.Stores.Select(SecretMask.Uri)] : [StoreOpener.DefaultStoreUri(settings.ResolveDataDirectory())],
            settings.DeviceName,
            settings.AlertsOut,
            settings.Dashboard,
            settings.DashboardTokenFile,
            settings.NoDashboard,
            settings.Quiet,
            settings.Notify,
            settings.ResolveDataDirectory(),
            settings.Buzz,
            new PrintedDetection(
                detection.ActivityDebounce,
                detection.BendingLumbarFlexionDegrees,
                detection.LyingInclinationDegrees,
                detection.LyingMinimumDuration,
                detection.WalkingMinFrequencyHz,
                detection.WalkingMaxFrequencyHz,
                detection.SittingPelvicTiltDegrees,
                detection.Standing,
                detection.Sitting,
                detection.SustainTime,
                detection.ReminderInterval,
                detection.ExcursionTolerance,
                detection.GapTolerance,
                detection.MaxBuzzesPerWindow,
                detection.BuzzWindow,
                detection.QuietHoursStart,
                detection.QuietHoursEnd,
                detection.QuietHoursTimeZone.Id,
                detection.SnoozeDuration,
                detection.LumbarDominantShare),
            settings.Calibration,
            settings.LowPass);
        return JsonSerializer.Serialize(shown, Json.PrintedSettings);
    }
}

/// <summary>What <c>--print-config</c> shows, in this order (the names are the settings' own).</summary>
internal sealed record PrintedSettings(
    IReadOnlyList<PrintedSource> Sources,
    IReadOnlyList<WearerSettings> Wearers,
    IReadOnlyList<string> Stores,
    string? DeviceName,
    string? AlertsOut,
    string Dashboard,
    string? DashboardTokenFile,
    bool NoDashboard,
    bool Quiet,
    bool Notify,
    string DataDirectory,
    BuzzSettings Buzz,
    PrintedDetection Detection,
    CalibrationOptions Calibration,
    LowPassOptions LowPass);

/// <summary>A source with the secrets of its URI masked.</summary>
internal sealed record PrintedSource(string Uri, string? Name, EpisodeThresholds? Standing, EpisodeThresholds? Sitting);

/// <summary>The detection settings a user sets (the internal ones, such as decimation, are left out), the zone by id.</summary>
internal sealed record PrintedDetection(
    TimeSpan ActivityDebounce,
    double BendingLumbarFlexionDegrees,
    double LyingInclinationDegrees,
    TimeSpan LyingMinimumDuration,
    double WalkingMinFrequencyHz,
    double WalkingMaxFrequencyHz,
    double SittingPelvicTiltDegrees,
    EpisodeThresholds Standing,
    EpisodeThresholds Sitting,
    TimeSpan SustainTime,
    TimeSpan ReminderInterval,
    TimeSpan ExcursionTolerance,
    TimeSpan GapTolerance,
    int MaxBuzzesPerWindow,
    TimeSpan BuzzWindow,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd,
    string QuietHoursTimeZone,
    TimeSpan SnoozeDuration,
    double LumbarDominantShare);

/// <summary>The metadata of <see cref="PrintedSettings"/>, generated at compile time (the tool publishes as Native AOT).</summary>
[JsonSerializable(typeof(PrintedSettings))]
internal sealed partial class PrintedSettingsContext : JsonSerializerContext;
