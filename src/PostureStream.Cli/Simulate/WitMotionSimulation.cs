using System.Globalization;
using PostureStream.Devices.Posix;
using PostureStream.Devices.WitMotion;
using PostureStream.Simulation;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// <c>simulate --witmotion serial|ble</c>: the wearer played as two WitMotion sensors (lumbar, pelvis) by the
/// measurement model (<see cref="WitMotionSensorModel"/>), their samples encoded as the sensors' packets
/// (<see cref="WitMotionPacketEncoder"/>) and sent when the model says they arrive: onto two pseudo-terminals
/// (<c>--out pty</c>, paced at <c>--speed</c> or by a test's virtual clock), or into two timed captures (<c>--out file:PREFIX</c> writes
/// PREFIX.lumbar.pstimed and PREFIX.pelvis.pstimed, which <c>file:</c> sources replay as the sensors), or as BLE
/// peripherals of the BlueZ stand-in (<c>--out bluez:BUS_ADDRESS</c>, <see cref="WitMotionBlueZPeripherals"/>).
/// </summary>
public sealed record WitMotionSimulation(WitMotionWireFormat Format)
{
    /// <summary>The instant the model's time 0 is stamped as in timed captures (arrival times are host UTC there).</summary>
    public static readonly DateTimeOffset CaptureStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public double RateHertz { get; init; } = 50;

    public SensorMounting? LumbarMounting { get; init; }

    public SensorMounting? PelvisMounting { get; init; }

    /// <summary>The pelvis sensor re-attached another way mid-scenario (tests of the mounting check); null: never.</summary>
    public SensorReattachment? PelvisReattached { get; init; }

    /// <summary>Probability a sample is lost on the link; null = the link profile's (1 % BLE, 0 serial).</summary>
    public double? LossRate { get; init; }

    public bool Noise { get; init; } = true;

    public bool Quaternion { get; init; }

    /// <summary><c>--drop</c>: sensors unplugged for a while (BLE through the BlueZ stand-in, serial on PTYs). Default none.</summary>
    public IReadOnlyList<SensorDrop> Drops { get; init; } = [];

    /// <summary>Parses <c>ABOUT[,OFF[,AZIMUTH]]</c> in degrees (about the skin normal, off it, direction of the tip).</summary>
    public static bool TryParseMounting(string text, out SensorMounting? mounting)
    {
        mounting = null;
        string[] parts = text.Split(',');
        var values = new double[3];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts.Length > 3 || !double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return false;
            }
        }

        if (values[1] is < 0 or > 90)
        {
            return false;
        }

        mounting = new SensorMounting(values[0], values[1], values[2]);
        return true;
    }

    public (WitMotionSensorModel Lumbar, WitMotionSensorModel Pelvis) Models(SimulationPlan plan)
    {
        WitMotionLinkProfile link = Format == WitMotionWireFormat.Ble ? WitMotionLinkProfile.Ble : WitMotionLinkProfile.Serial;
        if (LossRate is { } loss)
        {
            link = link with { LossRate = loss };
        }

        WitMotionSensorOptions Options(SensorMounting? mounting) => new() { SampleRateHz = RateHertz, Mounting = mounting, Link = link, Noise = Noise };
        return (
            new WitMotionSensorModel(plan, SensorPlacement.Lumbar, Options(LumbarMounting)),
            new WitMotionSensorModel(plan, SensorPlacement.Pelvis, Options(PelvisMounting) with { Reattached = PelvisReattached }));
    }

    /// <summary>Writes the two timed captures; returns their paths.</summary>
    public async Task<(string Lumbar, string Pelvis)> WriteCapturesAsync(SimulationPlan plan, string prefix, CancellationToken cancel)
    {
        (WitMotionSensorModel lumbar, WitMotionSensorModel pelvis) = Models(plan);
        string lumbarPath = prefix + ".lumbar.pstimed", pelvisPath = prefix + ".pelvis.pstimed";
        await Task.WhenAll(
            Task.Run(() => WriteCapture(lumbar, lumbarPath, cancel), cancel),
            Task.Run(() => WriteCapture(pelvis, pelvisPath, cancel), cancel));
        return (lumbarPath, pelvisPath);
    }

    /// <summary>
    /// Serves both sensors on new PTYs until the scenario ends, paced by <paramref name="pacer"/>; prints one source URI
    /// per sensor (lumbar, then pelvis). With <see cref="Drops"/>, each port is a link in a private folder that a drop
    /// removes with its PTY (the host's link hangs up) and brings back on a new PTY (the host reopens the same path).
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task ServePtysAsync(SimulationPlan plan, ISimulationPacer pacer, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        string? folder = Drops.Count > 0 ? Directory.CreateTempSubdirectory("posturestream-witmotion-").FullName : null;
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            using PluggableSerialPort lumbarPort = PluggableSerialPort.Open(folder is null ? null : System.IO.Path.Combine(folder, "lumbar"));
            using PluggableSerialPort pelvisPort = PluggableSerialPort.Open(folder is null ? null : System.IO.Path.Combine(folder, "pelvis"));
            await stdout.WriteLineAsync($"witmotion-serial:{lumbarPort.Path}?baud=115200");
            await stdout.WriteLineAsync($"witmotion-serial:{pelvisPort.Path}?baud=115200");
            await stdout.FlushAsync(cancel);
            await stderr.WriteLineAsync($"simulating '{plan.Scenario.Name}' (seed {plan.Seed}) as two WitMotion sensors at {RateHertz} Hz: lumbar on {lumbarPort.Path}, pelvis on {pelvisPort.Path}");
            (WitMotionSensorModel lumbar, WitMotionSensorModel pelvis) = Models(plan);
            Task discarding = Task.WhenAll(
                Task.Run(() => DiscardCommands(lumbarPort, stopReading.Token), CancellationToken.None),
                Task.Run(() => DiscardCommands(pelvisPort, stopReading.Token), CancellationToken.None));
            var drops = new SensorDropSchedule(
                Drops,
                (sensor, unplug) =>
                {
                    PluggableSerialPort port = sensor == SensorPlacement.Lumbar ? lumbarPort : pelvisPort;
                    if (unplug)
                    {
                        port.Unplug();
                    }
                    else
                    {
                        port.PlugIn();
                    }
                },
                "plugged back in",
                stderr);
            bool AllRead() => lumbarPort.AllRead && pelvisPort.AllRead;
            long written = 0;
            TimeSpan last = TimeSpan.Zero;
            foreach (WitMotionBurst burst in WitMotionPacketEncoder.Merge(WitMotionPacketEncoder.Bursts(lumbar, Format, Quaternion), WitMotionPacketEncoder.Bursts(pelvis, Format, Quaternion)))
            {
                last = TimeSpan.FromMicroseconds(burst.ArrivalMicroseconds);
                await pacer.WaitUntilAsync(last, written, AllRead, cancel);
                await drops.ApplyUntilAsync(last);

                // One write per burst: the packets a sensor sends together arrive together, as one read of the host.
                PluggableSerialPort port = burst.Placement == SensorPlacement.Lumbar ? lumbarPort : pelvisPort;
                if (port.TryWrite(burst.Notifications.SelectMany(b => b).ToArray(), cancel))
                {
                    written++;
                }
            }

            await pacer.WaitUntilAsync(last + WitMotionBlueZPeripherals.Linger, written, AllRead, cancel);
            await stopReading.CancelAsync();
            await discarding;
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private void WriteCapture(WitMotionSensorModel model, string path, CancellationToken cancel)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        WitMotionCapture.WriteHeader(file, Format == WitMotionWireFormat.Ble ? WitMotionFraming.Ble : WitMotionFraming.Serial);
        long origin = (CaptureStart - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        foreach (WitMotionBurst burst in WitMotionPacketEncoder.Bursts(model, Format, Quaternion))
        {
            cancel.ThrowIfCancellationRequested();
            foreach (byte[] bytes in burst.Notifications)
            {
                WitMotionCapture.WriteRecord(file, new WitMotionChunk(origin + burst.ArrivalMicroseconds, WitMotionChunkKind.Data, bytes));
            }
        }
    }

    /// <summary>The host may send register commands (rate=); the simulated sensor reads and ignores them (its rate is --rate).</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task DiscardCommands(PluggableSerialPort port, CancellationToken cancel)
    {
        byte[] buffer = new byte[256];
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                if (port.Current is { } pty)
                {
                    pty.Read(buffer, TimeSpan.FromMilliseconds(100));
                    continue;
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Unplugged under the read, or closed at the end of the simulation.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        }
    }
}
