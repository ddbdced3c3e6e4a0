using System.Collections.Concurrent;
using System.Numerics;

namespace PostureStream.Signals;

/// <summary>
/// Designs a Butterworth low-pass as second-order sections for any sample rate, cutoff and order, the way
/// <c>scipy.signal.butter(N, Wn, fs=fs, output='sos')</c> does: analog prototype poles, cutoff pre-warped
/// (t = tan(π·fc/fs)), bilinear transform z = (1 + t·p)/(1 − t·p), all zeros at z = −1, poles paired into
/// sections ordered from farthest to nearest the unit circle (an odd order's real pole first), the gain in
/// the first section. Same sections as scipy to ~1e-15.
/// </summary>
public static class ButterworthDesign
{
    private static readonly ConcurrentDictionary<(double, double, int), SosFilter> Cache = new();

    /// <summary>The designed filter, cached: devices with the same rate share one instance.</summary>
    public static SosFilter LowPass(int order, double cutoffHz, double sampleRateHz) =>
        Cache.GetOrAdd((sampleRateHz, cutoffHz, order), static key => Design(key.Item3, key.Item2, key.Item1));

    private static SosFilter Design(int order, double cutoffHz, double sampleRateHz)
    {
        if (order is < 1 or > SosFilter.MaxSections * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"must be 1–{SosFilter.MaxSections * 2}");
        }

        if (!(sampleRateHz > 0) || !(cutoffHz > 0) || cutoffHz >= sampleRateHz / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffHz), cutoffHz, $"must be above 0 and below half the sample rate ({sampleRateHz / 2} Hz)");
        }

        double t = Math.Tan(Math.PI * cutoffHz / sampleRateHz);
        var complexPoles = new List<Complex>();
        double? realPole = null;
        for (int m = -order + 1; m < order; m += 2)
        {
            Complex analog = -Complex.Exp(new Complex(0, Math.PI * m / (2.0 * order)));
            Complex digital = (1 + (t * analog)) / (1 - (t * analog));
            if (m == 0)
            {
                realPole = digital.Real;
            }
            else if (m > 0)
            {
                complexPoles.Add(digital);
            }
        }

        // scipy's zpk2sos pairs the pole nearest the unit circle first and then reverses, so it ends up last.
        complexPoles.Sort(static (a, b) => Math.Abs(1 - b.Magnitude).CompareTo(Math.Abs(1 - a.Magnitude)));

        var sections = new List<Biquad>();
        if (realPole is double p)
        {
            sections.Add(new Biquad(1, 2, 1, -p, 0));
        }

        foreach (Complex pole in complexPoles)
        {
            sections.Add(new Biquad(1, 2, 1, -2 * pole.Real, pole.Magnitude * pole.Magnitude));
        }

        if (realPole is not null)
        {
            // An odd order has one zero fewer than the pairs hold: the last section gets a single zero at −1.
            Biquad last = sections[^1];
            sections[^1] = last with { B1 = 1, B2 = 0 };
        }

        double gain = 1;
        foreach (Biquad q in sections)
        {
            gain /= q.DcGain;
        }

        Biquad first = sections[0];
        sections[0] = first with { B0 = first.B0 * gain, B1 = first.B1 * gain, B2 = first.B2 * gain };
        return new SosFilter([.. sections]);
    }
}
