namespace PostureStream.Signals;

/// <summary>Whether a sample could be judged against the wearer's own standing neutral (Signals README, angles).</summary>
public enum CalibrationState : byte
{
    /// <summary>No standing neutral yet: pelvic_tilt, lumbar_flexion and lordosis_delta are NaN.</summary>
    Uncalibrated = 0,

    /// <summary>A standing neutral is in use and current.</summary>
    Calibrated = 1,

    /// <summary>
    /// The neutral is still used, but an EVENT code 2, a device reset or a gap over 10 min happened
    /// since it was taken: the wearer should recalibrate.
    /// </summary>
    Stale = 2,
}
