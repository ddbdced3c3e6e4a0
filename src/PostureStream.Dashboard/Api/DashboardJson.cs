using System.Text.Json;
using System.Text.Json.Serialization;
using PostureStream.Dashboard.Live;
using PostureStream.Storage.Trends;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// How the dashboard's JSON reads: camelCase names; the shared vocabulary spelled as the stores spell it; the
/// dashboard's own enums (calibration state) as snake_case strings.
/// </summary>
internal static class DashboardJson
{
    /// <summary>The options of <see cref="DashboardJsonContext"/>, for callers that take options rather than a type's metadata.</summary>
    public static JsonSerializerOptions Options => DashboardJsonContext.Default.Options;
}

/// <summary>
/// Every type the dashboard writes or reads, with metadata generated at compile time: no reflection at run time,
/// so the tool publishes as Native AOT.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(VocabularyJsonConverter<Activity>),
        typeof(VocabularyJsonConverter<PostureState>),
        typeof(VocabularyJsonConverter<AlertKind>),
        typeof(VocabularyJsonConverter<AlertPhase>),
        typeof(VocabularyJsonConverter<Transport>),
        typeof(SnakeCaseEnumConverter<CalibrationState>),
        typeof(SnakeCaseEnumConverter<GuidanceStep>),
    ])]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(DashboardInfo))]
[JsonSerializable(typeof(CalibrateBody))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(LiveDeviceUpdate))]
[JsonSerializable(typeof(IReadOnlyList<LiveDeviceUpdate>))]
[JsonSerializable(typeof(IReadOnlyList<DeviceInfo>))]
[JsonSerializable(typeof(IReadOnlyList<StatusRow>))]
[JsonSerializable(typeof(IReadOnlyList<WearerReviewJson>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;

/// <summary>The body of every 4xx answer: one message for a person to read.</summary>
internal sealed record ErrorBody(string Error);

/// <summary>
/// What the page needs to know about this server before it draws anything. <see cref="RecordsSessions"/> is true when
/// it records exercise sessions (the review panel then offers "Record a session"), and left out otherwise.
/// </summary>
internal sealed record DashboardInfo(bool Live, string Zone, string? LiveMessage, bool? RecordsSessions = null);

/// <summary>The body of a calibrate request.</summary>
internal sealed record CalibrateBody(string? Posture);
