using System.Globalization;
using System.Text;
using PostureStream.Protocol;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Simulation.Imu;

/// <summary>
/// The register trace the reference firmware's host tests replay (firmware README, register traces): a stretch of a
/// built-in scenario played through the psp-raw profile's ICM-42688-P model for both IMUs, written per sample as the
/// 12 data registers ACCEL_DATA_X1..GYRO_DATA_Z0 of each chip (big-endian, at the full scales the firmware sets).
/// </summary>
public static class Icm42688RegisterTrace
{
    /// <summary>Quick-demo from 16 s to 26 s: standing still, then walking (gravity, then steps and sway).</summary>
    public const string DefaultFileName = "quick-demo-stand-walk.trace";

    private const int Seed = 1;
    private const double FromSeconds = 16;
    private const double Seconds = 10;

    /// <summary>The trace text (LF line ends, same bytes for every run: the simulator is seeded).</summary>
    public static string Generate()
    {
        Scenario demo = ScenarioCatalog.Resolve(BuiltInScenarios.QuickDemo);
        DeviceProfile device = demo.Device with { Output = DeviceOutput.PspRaw, ImuModel = ImuModel.Icm42688P };
        SimulationPlan plan = SimulationPlan.Create(demo with { Device = device }, Seed);
        int rate = device.SampleRateHz;
        long skip = (long)(FromSeconds * rate);
        long take = (long)(Seconds * rate);

        var text = new StringBuilder();
        text.Append("# ICM-42688-P data registers ACCEL_DATA_X1..GYRO_DATA_Z0 (12 bytes, big-endian) per sample:\n")
            .Append("# lumbar (0x68) then pelvis (0x69), hex. From the simulator's psp-raw IMU model (icm-42688-p),\n")
            .Append(CultureInfo.InvariantCulture, $"# scenario {BuiltInScenarios.QuickDemo} seed {Seed}, {FromSeconds}..{FromSeconds + Seconds} s.\n")
            .Append("# Regenerate: see firmware-protocol/firmware/README.md (register traces).\n")
            .Append(CultureInfo.InvariantCulture, $"rate_hz {rate}\n")
            .Append(CultureInfo.InvariantCulture, $"accel_fs_g {device.AccelFullScaleG}\n")
            .Append(CultureInfo.InvariantCulture, $"gyro_fs_dps {device.GyroFullScaleDps}\n");
        long index = 0;
        foreach (TracedFrame frame in SampleTrace.Frames(plan))
        {
            if (frame.Message is not RawMessage raw)
            {
                continue;
            }

            // Both sensors answer over the whole stretch (the scenario's sensor fault comes much later); a reading of
            // an IMU outside the mask is 0, which the firmware would never read from a chip.
            foreach (RawSample sample in raw.Samples)
            {
                if (index >= skip && index < skip + take)
                {
                    if (raw.ImuMask != SensorMask.Both)
                    {
                        throw new InvalidOperationException($"sample {index}: an IMU is faulted inside the trace's stretch");
                    }

                    AppendRegisters(text, sample.Lumbar);
                    text.Append(' ');
                    AppendRegisters(text, sample.Pelvis);
                    text.Append('\n');
                }

                index++;
            }

            if (index >= skip + take)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static void AppendRegisters(StringBuilder text, ImuReading r)
    {
        foreach (short value in (ReadOnlySpan<short>)[r.Ax, r.Ay, r.Az, r.Gx, r.Gy, r.Gz])
        {
            text.Append(((ushort)value).ToString("x4", CultureInfo.InvariantCulture));
        }
    }
}
