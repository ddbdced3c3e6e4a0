namespace PostureStream.Vocabulary;

/// <summary>Where an exercise session was recorded (the <c>source</c> field of <c>programme_session</c>).</summary>
public enum SessionSource : byte
{
    /// <summary><c>posturestream session add</c>.</summary>
    Cli = 0,

    /// <summary>The dashboard's session button.</summary>
    Dashboard,

    /// <summary>The device's "session done" button (EVENT code 5).</summary>
    Device,
}
