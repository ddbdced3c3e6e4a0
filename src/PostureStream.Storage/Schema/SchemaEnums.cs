namespace PostureStream.Storage.Schema;

/// <summary>The <c>activity</c> string field (Detection README).</summary>
public enum PostureActivity
{
    Unknown,
    Standing,
    Sitting,
    Walking,
    Bending,
    Lying,
}

/// <summary>The <c>state</c> string field: the detector's hysteresis state, or why it cannot run.</summary>
public enum PostureState
{
    Neutral,
    Flattened,
    Hyperextended,
    Uncalibrated,
    SensorFault,
}

/// <summary>The <c>kind</c> tag of <c>posture_alert</c>.</summary>
public enum AlertKind
{
    Flattening,
    Hyperextension,
}

/// <summary>The <c>phase</c> string field of <c>posture_alert</c>.</summary>
public enum AlertPhase
{
    Raised,
    Reminder,
    Cleared,
}

/// <summary>The <c>transport</c> tag of <c>link_stats</c>.</summary>
public enum LinkTransport
{
    Serial,
    Ble,
    Tcp,
    File,
    Sim,
}
