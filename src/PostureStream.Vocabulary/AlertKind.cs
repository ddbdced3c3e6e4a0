namespace PostureStream.Vocabulary;

/// <summary>Which sustained posture an episode, and so its alerts, is about (the <c>kind</c> tag of <c>posture_alert</c>).</summary>
/// <remarks>
/// A new kind must be spelled in <see cref="VocabularyText"/> and handled by every switch over this enum: those
/// switches have no <c>_ =&gt;</c> arm, and a non-exhaustive switch (CS8509) is an error in this solution.
/// </remarks>
public enum AlertKind : byte
{
    Flattening = 0,
    Hyperextension,
}
