using PostureStream.Dashboard.Live;

namespace PostureStream.Cli.Run;

/// <summary>
/// What the dashboard's buttons reach of a pipeline of a run, whatever feeds it: a PSP device
/// (<see cref="DevicePipeline"/>) or a wearer of two sensors (<see cref="WearerPipeline"/>). Called from the
/// dashboard's request threads.
/// </summary>
internal interface ILivePipeline
{
    /// <summary>The 16-hex-digit device id (the <c>device_id</c> tag) once known, else null.</summary>
    string? DeviceIdHex { get; }

    /// <summary>The display name (the <c>device</c> tag).</summary>
    string Name { get; }

    /// <summary>The calibrate button: a neutral taken from the next quiet seconds (for a wearer standing: the guided functional calibration).</summary>
    CommandResult RequestCalibration(bool sitting);

    /// <summary>The snooze button: buzzes and notifications held back for the snooze time.</summary>
    CommandResult Snooze();
}
