using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostureStream.Signals;

/// <summary>
/// The calibration file's JSON (camelCase names and enum values, indented), with metadata generated at compile
/// time so the tool publishes as Native AOT.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(CamelCaseEnumConverter<StaleReason>), typeof(CamelCaseEnumConverter<CalibrationSource>)])]
[JsonSerializable(typeof(CalibrationRecord))]
internal sealed partial class CalibrationJsonContext : JsonSerializerContext;

/// <summary>An enum as its camelCase name (<c>"deviceButton"</c>, <c>"longGap"</c>).</summary>
internal sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase)
    where T : struct, Enum;
