namespace PostureStream.Analysis;

/// <summary>The quantiles the effect interval needs: normal, Student's t and the fixed-bandwidth critical value.</summary>
internal static class Quantiles
{
    /// <summary>
    /// The 97.5 % critical value of a difference of means studentised by a Bartlett long-run variance, under
    /// fixed-bandwidth asymptotics (Kiefer and Vogelsang, 2005: 1.96 + 2.9694 b + 0.4160 b² − 0.5324 b³ with b the
    /// kernel's bandwidth over the days it sees). That estimate is biased low and noisy on two to four weeks of days,
    /// and the critical value grows with b to make up for both; the leading 1.96 is replaced by Student's t on
    /// <paramref name="degreesOfFreedom"/>, which is exact when there is no autocorrelation to estimate (b → 0).
    /// </summary>
    public static double FixedBandwidth95(double bandwidthShare, int degreesOfFreedom)
    {
        double b = bandwidthShare;
        return TQuantile(0.95, degreesOfFreedom) + (2.9694 * b) + (0.4160 * b * b) - (0.5324 * b * b * b);
    }

    // Two-sided normal quantile for the coverage, by Acklam's rational approximation (relative error < 1.2e-9).
    public static double NormalQuantile(double confidence)
    {
        double p = 1 - ((1 - confidence) / 2);
        if (1 - p < 0.02425)
        {
            double t = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Horner([-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00], t)
                / Horner([7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1], t);
        }

        double q = p - 0.5, r = q * q;
        return q * Horner([-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00], r)
            / Horner([-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1], r);
    }

    // Student's t quantile by the Cornish–Fisher expansion around the normal one (close enough from 4 degrees of freedom).
    public static double TQuantile(double confidence, int degreesOfFreedom)
    {
        double z = NormalQuantile(confidence), n = Math.Max(1, degreesOfFreedom);
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + ((z3 + z) / (4 * n)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * n * n * n));
    }

    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        double value = 0;
        foreach (double c in coefficients)
        {
            value = (value * x) + c;
        }

        return value;
    }
}
