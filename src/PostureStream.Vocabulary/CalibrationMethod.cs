namespace PostureStream.Vocabulary;

/// <summary>How a neutral was taken (the <c>method</c> field of <c>posture_neutral</c>).</summary>
public enum CalibrationMethod : byte
{
    /// <summary>A quiet hold asked for by <c>calibrate</c> or the dashboard's button.</summary>
    Command = 0,

    /// <summary>A quiet hold asked for by the device's calibrate button (EVENT code 1).</summary>
    Button,

    /// <summary>Automatically, from the first quiet seconds after a walk.</summary>
    AfterWalking,

    /// <summary>A guided functional calibration (several postures).</summary>
    Functional,

    /// <summary>Entered by hand.</summary>
    Manual,
}
