namespace PostureStream.Presentation.Styling;

/// <summary>
/// The one set of colours every view uses: the dashboard's server-drawn SVG, its page (through
/// <see cref="PaletteCss"/>, served as <c>/palette.css</c>) and the HTML report. Each posture state,
/// activity and quantity has one colour of its own, and no colour means two things; an alert kind
/// takes the colour of the state it is about (a flattening alert is drawn like flattened time).
/// The switches name every vocabulary value, so a new state, activity or alert kind does not
/// compile until it has a colour here.
/// </summary>
public static class Palette
{
    public const string Ink = "#111827";
    public const string Muted = "#6b7280";
    public const string Grid = "#e5e7eb";

    /// <summary>Pelvic tilt, in every chart that draws it.</summary>
    public const string PelvicTilt = "#0f766e";

    /// <summary>Lordosis delta, in every chart that draws it.</summary>
    public const string LordosisDelta = "#9333ea";

    /// <summary>Lumbar flexion (the live chart).</summary>
    public const string LumbarFlexion = "#78716c";

    /// <summary>A bend done mostly by the lumbar spine ("from the back").</summary>
    public const string LumbarDominantBend = "#dc2626";

    /// <summary>A bend done mostly at the hips.</summary>
    public const string HipHingeBend = "#65a30d";

    /// <summary>A fitted trend line.</summary>
    public const string Trend = "#374151";

    /// <summary>A programme's span on a time axis (a translucent band) and its start line.</summary>
    public const string Programme = "#f59e0b";

    /// <summary>An exercise session (a tick at the foot of a chart).</summary>
    public const string Session = "#b45309";

    /// <summary>The baseline mean before a programme, and the before/after panel's weekly means.</summary>
    public const string Baseline = "#1f2937";

    public static string Of(PostureState state) => state switch
    {
        PostureState.Neutral => "#16a34a",
        PostureState.Flattened => "#2563eb",
        PostureState.Hyperextended => "#ea580c",
        PostureState.Uncalibrated => "#9ca3af",
        PostureState.SensorFault => "#b91c1c",
    };

    public static string Of(Activity activity) => activity switch
    {
        Activity.Standing => "#0891b2",
        Activity.Sitting => "#a16207",
        Activity.Walking => "#db2777",
        Activity.Bending => "#7c3aed",
        Activity.Lying => "#475569",
        Activity.Unknown => "#d1d5db",
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.Flattening => Of(PostureState.Flattened),
        AlertKind.Hyperextension => Of(PostureState.Hyperextended),
    };
}
