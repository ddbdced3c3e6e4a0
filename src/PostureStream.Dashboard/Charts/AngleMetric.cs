using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard.Charts;

/// <summary>The two angle trends the dashboard draws, with how to read each from a bucket.</summary>
internal sealed record AngleMetric(string Key, string Title, string Colour, Func<AngleBucket, double> Mean, Func<AngleBucket, double> Min, Func<AngleBucket, double> Max)
{
    public static readonly AngleMetric PelvicTilt = new(
        "pelvic_tilt", "Pelvic tilt (° from standing neutral, + anterior)", "#2563eb", b => b.MeanPelvicTilt, b => b.MinPelvicTilt, b => b.MaxPelvicTilt);

    public static readonly AngleMetric LordosisDelta = new(
        "lordosis_delta", "Lordosis delta (° from neutral, + more arched)", "#9333ea", b => b.MeanLordosisDelta, b => b.MinLordosisDelta, b => b.MaxLordosisDelta);

    public static readonly IReadOnlyList<AngleMetric> All = [PelvicTilt, LordosisDelta];
}
