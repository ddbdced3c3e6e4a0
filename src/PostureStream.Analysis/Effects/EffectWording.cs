using System.Globalization;

namespace PostureStream.Analysis;

/// <summary>An effect in plain words, with its interval, e.g. "standing pelvic tilt +3.1° since 1 March, 95 % interval +1.9° to +4.4°".</summary>
public static class EffectWording
{
    public static string Sentence(EffectEstimate effect, double confidence = 0.95)
    {
        var metric = DailyMetrics.Describe(effect.Metric);
        string since = effect.Start.ToString("d MMMM", CultureInfo.InvariantCulture);
        string level = string.Create(CultureInfo.InvariantCulture, $"{confidence * 100:0} %");
        return effect.Verdict switch
        {
            EffectVerdict.NotEnoughDays => string.Create(CultureInfo.InvariantCulture,
                $"{Capital(metric.Name)}: not enough days yet ({effect.DaysBefore} before and {effect.DaysAfter} since {since}).") ,
            EffectVerdict.NoDistinguishableChange => string.Create(CultureInfo.InvariantCulture,
                $"{Capital(metric.Name)}: no change distinguishable from day-to-day variation since {since} ({Signed(effect.Difference, metric.Unit)}, {level} interval {Signed(effect.Lower, metric.Unit)} to {Signed(effect.Upper, metric.Unit)})."),
            EffectVerdict.Change => string.Create(CultureInfo.InvariantCulture,
                $"{Capital(metric.Name)} {Signed(effect.Difference, metric.Unit)} since {since}, {level} interval {Signed(effect.Lower, metric.Unit)} to {Signed(effect.Upper, metric.Unit)}."),
        };
    }

    /// <summary>A signed value with one decimal and its unit: "+3.1°", "−2.0 %" (percent metrics in percentage points).</summary>
    public static string Signed(double value, string unit)
    {
        string number = Math.Abs(value).ToString("0.0", CultureInfo.InvariantCulture);
        string sign = value < 0 && number != "0.0" ? "−" : "+";
        return unit == "%" ? $"{sign}{number} points" : $"{sign}{number}{unit}";
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
