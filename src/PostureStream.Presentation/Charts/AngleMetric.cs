using PostureStream.Presentation.Styling;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Charts;

/// <summary>The two angle trends the dashboard draws, with how to read each from a bucket.</summary>
public sealed record AngleMetric(string Key, string Title, string Colour, Func<AngleBucket, double> Mean, Func<AngleBucket, double> Min, Func<AngleBucket, double> Max)
{
    public static readonly AngleMetric PelvicTilt = new(
        "pelvic_tilt", "Pelvic tilt (° from standing neutral, + anterior)", Palette.PelvicTilt, b => b.MeanPelvicTilt, b => b.MinPelvicTilt, b => b.MaxPelvicTilt);

    public static readonly AngleMetric LordosisDelta = new(
        "lordosis_delta", "Lordosis delta (° from neutral, + more arched)", Palette.LordosisDelta, b => b.MeanLordosisDelta, b => b.MinLordosisDelta, b => b.MaxLordosisDelta);

    public static readonly IReadOnlyList<AngleMetric> All = [PelvicTilt, LordosisDelta];
}
