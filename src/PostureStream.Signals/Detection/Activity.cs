namespace PostureStream.Signals.Detection;

/// <summary>What the wearer is doing (Detection README), as debounced by the engine.</summary>
public enum Activity : byte
{
    Unknown = 0,
    Standing,
    Sitting,
    Walking,
    Bending,
    Lying,
}

/// <summary>The per-sample detection state (the <c>state</c> series, Detection README).</summary>
public enum PostureState : byte
{
    Uncalibrated = 0,
    Neutral,
    Flattened,
    Hyperextended,
    SensorFault,
}

/// <summary>Which sustained posture an episode is about.</summary>
public enum EpisodeKind : byte
{
    Flattening = 0,
    Hyperextension = 1,
}

/// <summary>Where an alert sits in its episode's life.</summary>
public enum AlertPhase : byte
{
    Raised = 0,
    Reminder,
    Cleared,
}

/// <summary>The fixed strings the storage schema and the alerts file use (Storage README, schema; README, using it).</summary>
public static class DetectionNames
{
    public static string Of(Activity activity) => activity switch
    {
        Activity.Standing => "standing",
        Activity.Sitting => "sitting",
        Activity.Walking => "walking",
        Activity.Bending => "bending",
        Activity.Lying => "lying",
        _ => "unknown",
    };

    public static string Of(PostureState state) => state switch
    {
        PostureState.Neutral => "neutral",
        PostureState.Flattened => "flattened",
        PostureState.Hyperextended => "hyperextended",
        PostureState.SensorFault => "sensor_fault",
        _ => "uncalibrated",
    };

    public static string Of(EpisodeKind kind) => kind == EpisodeKind.Flattening ? "flattening" : "hyperextension";

    public static string Of(AlertPhase phase) => phase switch
    {
        AlertPhase.Raised => "raised",
        AlertPhase.Reminder => "reminder",
        _ => "cleared",
    };
}
