namespace PostureStream.Signals;

/// <summary>Why a stored neutral can no longer be trusted; it is still used until a new one is taken.</summary>
public enum StaleReason
{
    /// <summary>Not stale.</summary>
    None,

    /// <summary>The device reported EVENT code 2: a sensor was re-initialised.</summary>
    SensorReinitialised,

    /// <summary>The device clock stepped backwards: the device restarted, and may have been taken off.</summary>
    DeviceReset,

    /// <summary>A gap longer than <see cref="CalibrationOptions.StaleAfterGap"/> (10 min): the sensors may have been re-attached.</summary>
    LongGap,
}
