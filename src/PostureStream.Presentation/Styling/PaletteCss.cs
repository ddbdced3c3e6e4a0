using System.Text;

namespace PostureStream.Presentation.Styling;

/// <summary>
/// <see cref="Palette"/> as CSS custom properties, so style sheets and scripts use the same colours
/// as the server-drawn charts: <c>--state-NAME</c>, <c>--activity-NAME</c> and <c>--alert-NAME</c>
/// (NAME spelled as the stores spell it, e.g. <c>--state-sensor_fault</c>), <c>--metric-NAME</c>
/// (pelvic_tilt, lordosis_delta, lumbar_flexion), <c>--bend-lumbar-dominant</c>, <c>--bend-hip-hinge</c>,
/// <c>--trend</c>, <c>--programme</c>, <c>--session</c>, <c>--baseline</c>, <c>--ink</c>, <c>--muted</c> and <c>--grid</c>.
/// </summary>
public static class PaletteCss
{
    /// <summary>The custom properties, name and value, in a fixed order.</summary>
    public static IReadOnlyList<(string Name, string Colour)> Properties { get; } = Build();

    /// <summary>A <c>:root { … }</c> rule declaring every property.</summary>
    public static string RootRule { get; } = Rule();

    private static List<(string, string)> Build()
    {
        var properties = new List<(string, string)>();
        properties.AddRange(Enum.GetValues<PostureState>().Select(s => ("--state-" + VocabularyText.ToText(s), Palette.Of(s))));
        properties.AddRange(Enum.GetValues<Activity>().Select(a => ("--activity-" + VocabularyText.ToText(a), Palette.Of(a))));
        properties.AddRange(Enum.GetValues<AlertKind>().Select(k => ("--alert-" + VocabularyText.ToText(k), Palette.Of(k))));
        properties.Add(("--metric-pelvic_tilt", Palette.PelvicTilt));
        properties.Add(("--metric-lordosis_delta", Palette.LordosisDelta));
        properties.Add(("--metric-lumbar_flexion", Palette.LumbarFlexion));
        properties.Add(("--bend-lumbar-dominant", Palette.LumbarDominantBend));
        properties.Add(("--bend-hip-hinge", Palette.HipHingeBend));
        properties.Add(("--trend", Palette.Trend));
        properties.Add(("--programme", Palette.Programme));
        properties.Add(("--session", Palette.Session));
        properties.Add(("--baseline", Palette.Baseline));
        properties.Add(("--ink", Palette.Ink));
        properties.Add(("--muted", Palette.Muted));
        properties.Add(("--grid", Palette.Grid));
        return properties;
    }

    private static string Rule()
    {
        var css = new StringBuilder(":root {");
        foreach (var (name, colour) in Properties)
        {
            css.Append(' ').Append(name).Append(": ").Append(colour).Append(';');
        }

        return css.Append(" }").ToString();
    }
}
