namespace PostureStream.Signals;

/// <summary>
/// A designed cascade of second-order sections plus, for each section, the state that makes a constant input
/// pass through with no transient (scipy's <c>sosfilt_zi</c>, for an input of 1). Immutable and shared by
/// every device with the same sample rate, cutoff and order.
/// </summary>
public sealed class SosFilter
{
    /// <summary>The most sections a filter may have (order 8); the per-channel state is sized for it.</summary>
    public const int MaxSections = 4;

    private readonly Biquad[] sections;
    private readonly double[] unitState;

    internal SosFilter(Biquad[] sections)
    {
        if (sections.Length is 0 or > MaxSections)
        {
            throw new ArgumentOutOfRangeException(nameof(sections), sections.Length, $"a cascade has 1–{MaxSections} sections");
        }

        this.sections = sections;
        unitState = new double[sections.Length * 2];
        double scale = 1;
        for (int s = 0; s < sections.Length; s++)
        {
            // Direct form II transposed at rest with input `scale`: y = G·scale, z1 = (b2 − a2·G)·scale, z0 = (b1 − a1·G)·scale + z1.
            Biquad q = sections[s];
            double g = q.DcGain;
            double z1 = q.B2 - (q.A2 * g);
            unitState[(2 * s) + 1] = scale * z1;
            unitState[2 * s] = scale * (q.B1 - (q.A1 * g) + z1);
            scale *= g;
        }
    }

    public ReadOnlySpan<Biquad> Sections => sections;

    /// <summary>Per-section state for a steady input of 1 (z0, z1 of section 0, then section 1, …).</summary>
    public ReadOnlySpan<double> UnitSteadyState => unitState;

    /// <summary>Gain at 0 Hz of the whole cascade.</summary>
    public double DcGain
    {
        get
        {
            double g = 1;
            foreach (Biquad q in sections)
            {
                g *= q.DcGain;
            }

            return g;
        }
    }

    /// <summary>|H| at <paramref name="frequencyHz"/> for <paramref name="sampleRateHz"/>.</summary>
    public double Magnitude(double frequencyHz, double sampleRateHz)
    {
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        System.Numerics.Complex z2 = z1 * z1;
        System.Numerics.Complex h = 1;
        foreach (Biquad q in sections)
        {
            h *= (q.B0 + (q.B1 * z1) + (q.B2 * z2)) / (1 + (q.A1 * z1) + (q.A2 * z2));
        }

        return h.Magnitude;
    }
}
