using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// How the dashboard's JSON reads: camelCase names; the shared vocabulary spelled as the stores spell it; the
/// dashboard's own enums (calibration state) as snake_case strings.
/// </summary>
internal static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new VocabularyJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}

/// <summary>The body of every 4xx answer: one message for a person to read.</summary>
internal sealed record ErrorBody(string Error);

/// <summary>What the page needs to know about this server before it draws anything.</summary>
internal sealed record DashboardInfo(bool Live, string Zone, string? LiveMessage);

/// <summary>The body of a calibrate request.</summary>
internal sealed record CalibrateBody(string? Posture);
