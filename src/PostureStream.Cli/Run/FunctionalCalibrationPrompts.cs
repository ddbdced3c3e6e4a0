using System.Globalization;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Run;

/// <summary>
/// The words a wearer of two sensors reads during the guided functional calibration, the same in the terminal
/// (<c>calibrate --wearer</c>) and on the dashboard's live card.
/// </summary>
internal static class FunctionalCalibrationPrompts
{
    public const string StandStill = "Stand still, relaxed, looking ahead: 5 s…";

    public const string Bend = "Now bend forward slowly as far as comfortable and come back up.";

    public const string Done = "Done: both sensors are aligned and saved.";

    /// <summary>The stand-still step so far, e.g. "Stand still, relaxed, looking ahead: 3 of 5 s".</summary>
    public static string StillProgress(FunctionalCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return string.Create(CultureInfo.InvariantCulture, $"Stand still, relaxed, looking ahead: {Math.Floor(calibration.StillFor.TotalSeconds):0} of 5 s");
    }

    /// <summary>The stand-still step started over: why, and what to do.</summary>
    public static string Interrupted(string why) => $"Starting the 5 s again: {why}.";

    /// <summary>A step did not work: why, and that it can be tried again.</summary>
    public static string Failed(string why) => $"That did not work: {why}.";

    /// <summary>The warning when a sensor looks re-attached, naming the command that fixes it.</summary>
    public static string Moved(WearerSegment segment, string wearer, string lumbarUri, string pelvisUri) =>
        $"the {SegmentName(segment)} sensor moved; calibrate again: posturestream calibrate --wearer {wearer} --lumbar {lumbarUri} --pelvis {pelvisUri} (or the dashboard's Calibrate standing)";

    public static string SegmentName(WearerSegment segment) => segment == WearerSegment.Lumbar ? "lumbar" : "pelvis";
}
