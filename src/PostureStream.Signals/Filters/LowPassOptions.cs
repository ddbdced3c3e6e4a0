namespace PostureStream.Signals;

/// <summary>Options of the Butterworth low-pass (Signals README, filters).</summary>
public sealed class LowPassOptions
{
    /// <summary>Cutoff (−3 dB) frequency. Default 2 Hz. Clamped to 45 % of a device's sample rate if that is lower than twice it.</summary>
    public double CutoffHz { get; set; } = 2.0;

    /// <summary>Filter order, 1–8. Default 2.</summary>
    public int Order { get; set; } = 2;

    /// <summary>Throws when an option is out of range, naming it and what would be valid.</summary>
    public LowPassOptions Validate()
    {
        if (!(CutoffHz > 0) || double.IsInfinity(CutoffHz))
        {
            throw new ArgumentOutOfRangeException(nameof(CutoffHz), CutoffHz, "must be a finite frequency above 0 Hz");
        }

        if (Order is < 1 or > SosFilter.MaxSections * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Order), Order, $"must be 1–{SosFilter.MaxSections * 2}");
        }

        return this;
    }

    /// <summary>The filter for a device's sample rate.</summary>
    internal SosFilter DesignFor(int sampleRateHz) =>
        ButterworthDesign.LowPass(Order, Math.Min(CutoffHz, 0.45 * sampleRateHz), sampleRateHz);
}
