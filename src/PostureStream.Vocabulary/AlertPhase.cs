namespace PostureStream.Vocabulary;

/// <summary>Where an alert sits in its episode's life (the <c>phase</c> field of <c>posture_alert</c>).</summary>
public enum AlertPhase : byte
{
    Raised = 0,
    Reminder,
    Cleared,
}
