using System.Globalization;
using System.Text;
using PostureStream.Simulation.Imu;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Evaluation.Fusion;

/// <summary>
/// Host fusion accuracy (issue 20): simulated psp-raw wearers through <c>RawImuFusion</c>, per IMU model and sample
/// rate, scored per activity against the simulator's truth, and the drift after a simulated 8-hour day. Prints Markdown
/// and returns 1 when a target is missed.
/// </summary>
internal static class FusionEvaluation
{
    public const double OverallTarget = 1.5;
    public const double WalkingTarget = 2.5;

    public static async Task<int> RunAsync(int seeds, IReadOnlyList<int> rates, TextWriter output)
    {
        var runs = new List<FusionRun>();
        await output.WriteLineAsync("| scenario | IMU | rate (Hz) | seed | hours | pitch RMS standing | sitting | walking | bending | lying | pitch RMS overall | roll RMS overall | sensor pitch RMS (no offset removed) | last 10 min pitch RMS |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (ImuModel imu in ImuModel.All)
        {
            foreach (int rate in rates)
            {
                foreach (string scenario in new[] { "quick-demo", "sustain-test" })
                {
                    for (int seed = 1; seed <= seeds; seed++)
                    {
                        runs.Add(await RowAsync(Run(scenario, seed, imu, rate), output));
                    }
                }
            }

            // The 8-hour day, once per model at 100 Hz: drift.
            runs.Add(await RowAsync(Run("office-day", 1, imu, 100), output));
        }

        return await SummaryAsync(runs, output);
    }

    private static FusionRun Run(string scenario, int seed, ImuModel imu, int rate)
    {
        Scenario s = ScenarioCatalog.Resolve(scenario);
        DeviceProfile device = s.Device with { Output = DeviceOutput.PspRaw, ImuModel = imu, SampleRateHz = (ushort)rate, SamplesPerFrame = Math.Clamp(rate / 12, 1, 8) };
        return FusionRun.Run(s, seed, device);
    }

    private static async Task<FusionRun> RowAsync(FusionRun r, TextWriter output)
    {
        FusionErrors e = r.Calibrated;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Scenario} | {r.Imu} | {r.RateHz} | {r.Seed} | {r.Hours:0.00} | {F(e.PitchRms(Activity.Standing))} | {F(e.PitchRms(Activity.Sitting))} | {F(e.PitchRms(Activity.Walking))} | {F(e.PitchRms(Activity.Bending))} | {F(e.PitchRms(Activity.Lying))} | {F(e.PitchRms())} | {F(e.RollRms())} | {F(r.Sensor.PitchRms())} | {F(r.Last10Minutes.PitchRms())} |"));
        return r;
    }

    private static async Task<int> SummaryAsync(List<FusionRun> runs, TextWriter output)
    {
        var all = new FusionErrors();
        foreach (FusionRun r in runs)
        {
            all.Add(r.Calibrated);
        }

        double overall = all.PitchRms();
        double walking = all.PitchRms(Activity.Walking);
        double worstRunOverall = runs.Max(r => r.Calibrated.PitchRms());
        double worstRunWalking = runs.Max(r => r.Calibrated.PitchRms(Activity.Walking));
        double drift = runs.Where(r => r.Hours >= 8).Max(r => r.Last10Minutes.PitchRms());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"\n{runs.Count} runs, {runs.Sum(r => r.Hours):0.0} h of simulated wear, {all.Count:N0} scored sagittal angles.\n");
        text.AppendLine("| measure | value | target | |\n|---|---|---|---|");
        text.AppendLine(Check("sagittal RMS, all runs", overall, OverallTarget));
        text.AppendLine(Check("sagittal RMS, worst run", worstRunOverall, OverallTarget));
        text.AppendLine(Check("sagittal RMS while walking, all runs", walking, WalkingTarget));
        text.AppendLine(Check("sagittal RMS while walking, worst run", worstRunWalking, WalkingTarget));
        text.AppendLine(Check("sagittal RMS over the last 10 min of the 8 h day, worst model", drift, OverallTarget));
        await output.WriteAsync(text.ToString());
        bool met = worstRunOverall <= OverallTarget && worstRunWalking <= WalkingTarget && drift <= OverallTarget;
        return met ? 0 : 1;
    }

    private static string Check(string measure, double value, double target) =>
        string.Create(CultureInfo.InvariantCulture, $"| {measure} | {value:0.00}° | ≤ {target}° | {(value <= target ? "met" : "MISSED")} |");

    private static string F(double v) => double.IsNaN(v) ? "—" : v.ToString("0.00", CultureInfo.InvariantCulture);
}
