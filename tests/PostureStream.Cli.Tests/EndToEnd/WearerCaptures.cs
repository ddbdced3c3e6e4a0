using PostureStream.Cli.Commands;
using PostureStream.Cli.Simulate;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Two timed captures of a simulated wearer of two WitMotion sensors (serial framing, 50 Hz), written by
/// <c>simulate --witmotion serial --out file:PREFIX</c>'s code path from a scenario file, with the truth beside them.
/// </summary>
internal sealed record WearerCaptures(string Lumbar, string Pelvis, string Truth)
{
    /// <summary>The routine <c>calibrate --wearer</c> guides: stand still 8 s, one slow forward bend from the hips and back, stand 6 s.</summary>
    public const string Routine = """
        { "kind": "standing", "seconds": 8 },
        { "kind": "hip-hinge-bend", "seconds": 10, "transitionSeconds": 0.5 },
        { "kind": "standing", "seconds": 6 }
        """;

    /// <summary>Writes the scenario (its segments as JSON) and the captures into <paramref name="dir"/>.</summary>
    public static async Task<WearerCaptures> WriteAsync(string dir, string label, string segments, WitMotionSimulation sensors, int seed = 4)
    {
        string scenario = Path.Combine(dir, label + ".json");
        await File.WriteAllTextAsync(scenario, $$"""{ "name": "{{label}}", "segments": [ {{segments}} ] }""");
        string prefix = Path.Combine(dir, label);
        string truth = prefix + ".truth.jsonl";
        int exit = await SimulateCommand.RunAsync(
            new SimulateCommand.Settings(scenario, "file:" + prefix) { Seed = seed, WitMotion = sensors, TruthPath = truth },
            TextWriter.Null,
            TextWriter.Null,
            CancellationToken.None);
        Assert.Equal(ExitCodes.Ok, exit);
        return new WearerCaptures($"file:{prefix}.lumbar.pstimed", $"file:{prefix}.pelvis.pstimed", truth);
    }

    /// <summary>Sensors stuck on any way round: the lumbar one turned 90° on the skin and tipped 10°, the pelvis one upside down and tipped 15°.</summary>
    public static WitMotionSimulation Rotated() => new(WitMotionWireFormat.Serial)
    {
        LumbarMounting = new SensorMounting(90, 10, 0),
        PelvisMounting = new SensorMounting(180, 15, 90),
    };
}
