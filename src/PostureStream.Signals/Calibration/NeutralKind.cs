namespace PostureStream.Signals;

/// <summary>Which neutral a calibration takes.</summary>
public enum NeutralKind
{
    /// <summary>Quiet standing: the reference of pelvic_tilt, lumbar_flexion and the standing lordosis_delta.</summary>
    Standing,

    /// <summary>Quiet upright sitting: the reference of the sitting lordosis_delta.</summary>
    Sitting,
}
