using System.Runtime.CompilerServices;

namespace PostureStream.Signals;

/// <summary>
/// The running state of one channel through an <see cref="SosFilter"/> (direct form II transposed, as
/// scipy's sosfilt). The first value after a reset starts every section in its steady state for that value,
/// so a segment's start has no transient. A NaN input resets and gives NaN. Flat state, no allocation.
/// </summary>
internal struct BiquadCascade
{
    private State state;
    private bool started;

    public void Reset() => started = false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Process(double x, SosFilter filter)
    {
        if (double.IsNaN(x))
        {
            started = false;
            return double.NaN;
        }

        ReadOnlySpan<Biquad> sections = filter.Sections;
        if (!started)
        {
            started = true;
            ReadOnlySpan<double> unit = filter.UnitSteadyState;
            for (int i = 0; i < unit.Length; i++)
            {
                state[i] = unit[i] * x;
            }
        }

        double y = x;
        Span<double> z = state;
        for (int s = 0; s < sections.Length; s++)
        {
            ref readonly Biquad q = ref sections[s];
            ref double z0 = ref z[2 * s];
            ref double z1 = ref z[(2 * s) + 1];
            double input = y;
            y = (q.B0 * input) + z0;
            z0 = (q.B1 * input) - (q.A1 * y) + z1;
            z1 = (q.B2 * input) - (q.A2 * y);
        }

        return y;
    }

    [InlineArray(SosFilter.MaxSections * 2)]
    private struct State
    {
        private double element;
    }
}
