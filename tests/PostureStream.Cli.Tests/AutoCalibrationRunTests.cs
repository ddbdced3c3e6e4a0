using System.Globalization;
using PostureStream.Signals;
using PostureStream.Simulation;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Cli.Tests;

/// <summary>
/// <c>run</c> takes the automatic standing neutral over a lossy link from the quiet standing after a walk, not
/// from the chair that follows, and saves the wearer's true neutral (the simulator's ground truth) for later runs.
/// </summary>
[Collection(ProcessState.Collection)]
public sealed class AutoCalibrationRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-autocal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0.03, 3)]
    [InlineData(0.03, 4)]
    [InlineData(0.10, 1)]
    public async Task Run_LossyLink_WalkStandThenSlump_SavesTheTrueStandingNeutral_AndRaisesTheSlump(double loss, int seed)
    {
        string scenario = Path.Combine(_dir, "walk-stand-slump.json");
        await File.WriteAllTextAsync(scenario, $$"""
            { "name": "walk-stand-slump", "device": { "deviceId": "00000000cafe0002", "dropoutRate": {{loss.ToString(CultureInfo.InvariantCulture)}} },
              "segments": [
                { "kind": "sitting", "seconds": 30 },
                { "kind": "walking", "seconds": 30 },
                { "kind": "standing", "seconds": 10 },
                { "kind": "slumped-sitting", "seconds": 240 },
                { "kind": "walking", "seconds": 20 },
                { "kind": "standing", "seconds": 30 } ] }
            """);
        string data = Path.Combine(_dir, "data");
        string alerts = Path.Combine(_dir, "alerts.jsonl");

        int exit = await Program.Main(["run", "--source", $"sim:{scenario}?speed=max&seed={seed}", "--alerts-out", alerts, "--data-dir", data, "--no-dashboard", "--quiet"]);

        Assert.Equal(ExitCodes.Ok, exit);
        PostureAngles truth = SimulationPlan.Create(ScenarioFile.Load(scenario), seed).Anatomy.StandingNeutral;
        CalibrationRecord? saved = new JsonFileCalibrationStore(Path.Combine(data, "calibration")).Load(0x00000000cafe0002);
        Neutral standing = Assert.IsType<Neutral>(saved?.Standing);
        Assert.Equal(CalibrationSource.AfterWalking, standing.Source);
        Assert.Equal(truth.PelvisPitch, standing.Angles.PelvisPitchDegrees, 1.0);
        Assert.Equal(truth.LumbarPitch, standing.Angles.LumbarPitchDegrees, 1.0);

        string[] lines = await File.ReadAllLinesAsync(alerts);
        Assert.Contains(lines, l => l.Contains("\"kind\":\"flattening\",\"phase\":\"raised\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\"kind\":\"hyperextension\"", StringComparison.Ordinal));
    }
}
