namespace PostureStream.Signals;

/// <summary>
/// One second-order section, normalised so a0 = 1: H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²),
/// the row layout of scipy's sos arrays without the a0 column.
/// </summary>
public readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Gain at 0 Hz.</summary>
    public double DcGain => (B0 + B1 + B2) / (1 + A1 + A2);
}
