using System.Globalization;

namespace PostureStream.Signals.Detection;

/// <summary>
/// Hysteresis thresholds on lordosis_delta (degrees) for one activity (Detection README).
/// An episode starts at or past the start threshold and ends once the delta comes back past the end one.
/// </summary>
/// <param name="FlatteningStart">Flattening starts when lordosis_delta ≤ this (default −10°).</param>
/// <param name="FlatteningEnd">Flattening ends when lordosis_delta &gt; this (default −7°).</param>
/// <param name="HyperextensionStart">Hyper-extension starts when lordosis_delta ≥ this (default +8°).</param>
/// <param name="HyperextensionEnd">Hyper-extension ends when lordosis_delta &lt; this (default +5°).</param>
public sealed record EpisodeThresholds(
    double FlatteningStart = -10,
    double FlatteningEnd = -7,
    double HyperextensionStart = 8,
    double HyperextensionEnd = 5)
{
    /// <summary>Throws when the thresholds are not ordered flattening: start &lt; end &lt; 0, hyper-extension: start &gt; end &gt; 0.</summary>
    /// <param name="activity">Named in the message ("standing", "sitting").</param>
    public void Validate(string activity)
    {
        if (!(double.IsFinite(FlatteningStart) && double.IsFinite(FlatteningEnd) && FlatteningStart < FlatteningEnd && FlatteningEnd < 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{activity} flattening thresholds start={FlatteningStart} end={FlatteningEnd} are invalid: need start < end < 0 (e.g. start=-10 end=-7)."));
        }

        if (!(double.IsFinite(HyperextensionStart) && double.IsFinite(HyperextensionEnd) && HyperextensionStart > HyperextensionEnd && HyperextensionEnd > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{activity} hyperextension thresholds start={HyperextensionStart} end={HyperextensionEnd} are invalid: need start > end > 0 (e.g. start=8 end=5)."));
        }
    }
}
