using System.Globalization;
using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;
using PostureStream.Testing;

namespace PostureStream.Evaluation.Patterns;

/// <summary>
/// <c>patterns [--seeds N]</c>: the physiotherapist's view scored against simulated wearers.
/// Classification: N wearers of each type over four weeks, pattern named vs the truth.
/// Effects: N wearers with two baseline weeks, then a programme that truly shifts the habitual standing pelvic
/// inclination by 3° (a step, and a one-week ramp), judged after 14 programme days; and N with no effect.
/// </summary>
internal static class PatternsEvaluation
{
    private const int BaselineDays = 14, ProgrammeDays = 14;

    public static Task<int> RunAsync(int seeds, TextWriter output)
    {
        output.WriteLine($"pattern classification, {seeds} simulated wearers per type, 28 days each");
        bool ok = true;
        foreach (var type in Enum.GetValues<WearerType>())
        {
            int correct = 0, strong = 0;
            for (int seed = 1; seed <= seeds; seed++)
            {
                var weeks = WeeksSimulator.Generate(new WeeksProfile { Type = type, Days = 28 }, seed);
                var summary = PatternClassifier.Classify(SimulatedDays.Of(weeks), new PatternOptions());
                correct += PatternWording.Name(summary.Pattern) == weeks.Truth.Pattern ? 1 : 0;
                strong += summary.Support == PatternSupport.Strong ? 1 : 0;
            }

            double accuracy = (double)correct / seeds;
            ok &= accuracy >= 0.90;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {type,-15} accuracy {accuracy * 100,5:0.0} %  (strong support in {strong}/{seeds})"));
        }

        output.WriteLine($"programme effects after {ProgrammeDays} programme days ({BaselineDays} baseline days), {seeds} seeds each, placement error 1.5° SD, daily recalibration");
        ok &= Effects(output, seeds, "true +3.0° step   ", 3.0, 0, DailyMetric.StandingPelvicInclination, minimum: 0.90, maximum: null);
        Effects(output, seeds, "true +3.0° 7-day ramp", 3.0, 7, DailyMetric.StandingPelvicInclination, minimum: null, maximum: null);
        ok &= Effects(output, seeds, "no true effect     ", 0.0, 0, DailyMetric.StandingPelvicInclination, minimum: null, maximum: 0.05);
        Effects(output, seeds, "true +3.0° step, naive mean standing tilt vs neutral", 3.0, 0, DailyMetric.StandingPelvicTilt, minimum: null, maximum: null);
        foreach (var metric in DailyMetrics.All.Where(m => m.SurvivesRecalibration && m.Metric != DailyMetric.StandingPelvicInclination))
        {
            Effects(output, seeds, $"no true effect, {metric.Name}", 0.0, 0, metric.Metric, minimum: null, maximum: null);
        }

        output.WriteLine(ok ? "patterns: all targets met" : "patterns: a target was missed");
        return Task.FromResult(ok ? 0 : 1);
    }

    private static bool Effects(TextWriter output, int seeds, string label, double effect, int ramp, DailyMetric metric, double? minimum, double? maximum)
    {
        int claimed = 0, coveredTruth = 0;
        double sumDifference = 0;
        for (int seed = 1; seed <= seeds; seed++)
        {
            var profile = new WeeksProfile
            {
                Type = (WearerType)(seed % 4),
                Days = BaselineDays + ProgrammeDays,
                ProgrammeStartDay = BaselineDays,
                EffectDegrees = effect,
                RampDays = ramp,
            };
            var weeks = WeeksSimulator.Generate(profile, 10_000 + seed);
            var start = profile.FirstDay.AddDays(BaselineDays);
            var estimate = EffectEstimator.Estimate(DailyMetrics.Series(SimulatedDays.Of(weeks), metric), metric, start, null, new EffectOptions());
            claimed += estimate.Verdict == EffectVerdict.Change ? 1 : 0;
            double trueMean = weeks.Truth.HabitualStandingInclination.Skip(BaselineDays).Average() - weeks.Truth.HabitualStandingInclination.Take(BaselineDays).Average();
            coveredTruth += estimate.Lower <= trueMean && trueMean <= estimate.Upper ? 1 : 0;
            sumDifference += estimate.Difference;
        }

        double rate = (double)claimed / seeds;
        bool ok = (minimum is null || rate >= minimum) && (maximum is null || rate <= maximum);
        string target = minimum is double min ? $"target ≥ {min * 100:0} %" : maximum is double max ? $"target ≤ {max * 100:0} %" : "no target";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: change claimed in {rate * 100,5:0.0} % of seeds, mean estimate {Math.Round(sumDifference / seeds, 2) + 0.0:+0.00;-0.00;0.00}, "
            + $"interval covers the true habitual change in {coveredTruth}/{seeds} ({target}{(minimum is null && maximum is null ? "" : ok ? ", met" : ", MISSED")})"));
        return ok;
    }
}
