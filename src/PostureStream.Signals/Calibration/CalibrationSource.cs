namespace PostureStream.Signals;

/// <summary>What asked for a neutral to be taken.</summary>
public enum CalibrationSource
{
    /// <summary>The <c>calibrate</c> command or the dashboard's button (<see cref="DeviceCalibration.Request"/>).</summary>
    Command,

    /// <summary>The device's button: EVENT code 1.</summary>
    DeviceButton,

    /// <summary>Automatic: no current neutral, and quiet standing right after at least 5 s of walking (<see cref="DeviceCalibration.ReportWalking"/>).</summary>
    AfterWalking,
}
