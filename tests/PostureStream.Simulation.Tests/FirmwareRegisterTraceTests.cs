using PostureStream.Simulation.Imu;
using PostureStream.Testing;

namespace PostureStream.Simulation.Tests;

/// <summary>
/// The register trace the firmware's host tests replay is committed; regenerating it from the simulator must give the
/// same bytes, so a change to the IMU model cannot leave the firmware tests replaying stale signals.
/// </summary>
public sealed class FirmwareRegisterTraceTests
{
    private static string CommittedPath =>
        RepoPaths.Combine("firmware-protocol", "firmware", "tests", "traces", Icm42688RegisterTrace.DefaultFileName);

    [Fact]
    public void CommittedTrace_IsWhatTheSimulatorGeneratesNow()
    {
        string generated = Icm42688RegisterTrace.Generate();
        if (Environment.GetEnvironmentVariable("PS_REGENERATE_TRACES") == "1")
        {
            File.WriteAllText(CommittedPath, generated);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing: run this test with PS_REGENERATE_TRACES=1");
        Assert.True(
            generated == File.ReadAllText(CommittedPath),
            $"{CommittedPath} is stale: run this test with PS_REGENERATE_TRACES=1 and commit the file");
    }

    [Fact]
    public void Trace_HasTenSecondsOfBothImus_AtTheFirmwaresFullScales()
    {
        string[] lines = Icm42688RegisterTrace.Generate().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("rate_hz 100", lines);
        Assert.Contains("accel_fs_g 4", lines);
        Assert.Contains("gyro_fs_dps 500", lines);
        string[] samples = [.. lines.Where(l => l.Length == 49)];
        Assert.Equal(1000, samples.Length);
        Assert.All(samples, s => Assert.Matches("^[0-9a-f]{24} [0-9a-f]{24}$", s));
    }
}
