using System.Globalization;
using PostureStream.Evaluation.Fusion;
using PostureStream.Evaluation.Patterns;
using PostureStream.Evaluation.Quality;
using PostureStream.Evaluation.Throughput;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Evaluation;

/// <summary>
/// The evaluation harness (issue 6). <c>quality [--seeds N]</c>: detection quality against the simulator's
/// ground truth. <c>patterns [--seeds N]</c>: pattern classification and programme effects on simulated
/// multi-week wearers (issue 22). <c>throughput [--devices 1,100,10000] [--samples N]</c>: speed and memory of the whole pipeline.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string command = args.Length > 0 ? args[0] : "";
        try
        {
            return command switch
            {
                "quality" when OptionText(args, "--profile", DeviceOutputs.AnglesName) == "witmotion" => await WitMotionQuality.RunAsync(Option(args, "--seeds", 5), Console.Out),
                "quality" => await QualityEvaluation.RunAsync(Option(args, "--seeds", 5), Console.Out, Profile(OptionText(args, "--profile", DeviceOutputs.AnglesName))),
                "fusion" => await FusionEvaluation.RunAsync(
                    Option(args, "--seeds", 3),
                    [.. OptionText(args, "--rates", "25,100,400").Split(',').Select(int.Parse)],
                    Console.Out),
                "patterns" => await PatternsEvaluation.RunAsync(Option(args, "--seeds", 100), Console.Out),
                "throughput" => await ThroughputEvaluation.RunAsync(
                    [.. OptionText(args, "--devices", "1,100,10000").Split(',').Select(int.Parse)],
                    Option(args, "--samples", 30_000_000), Console.Out),
                _ => Usage(command),
            };
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"evaluation: {e.Message}");
            return 2;
        }
    }

    private static DeviceOutput Profile(string name) =>
        DeviceOutputs.TryParse(name, out DeviceOutput profile) ? profile : throw new FormatException($"--profile must be {DeviceOutputs.AnglesName} or {DeviceOutputs.RawName}, got '{name}'");

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"evaluation: unknown command '{command}'; valid: quality [--seeds N] [--profile psp-angles|psp-raw|witmotion] | fusion [--seeds N] [--rates 25,100,400] | patterns [--seeds N] | throughput [--devices 1,100,10000] [--samples N]");
        return 2;
    }

    private static string OptionText(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
