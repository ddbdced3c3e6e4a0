using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using PostureStream.Cli.Simulate;
using PostureStream.Devices.Posix;
using PostureStream.Simulation;
using PostureStream.Simulation.Device;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Truth;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>posturestream simulate --scenario NAME|FILE --out pty|tcp://HOST:PORT|file:PATH|bluez:BUS_ADDRESS [--speed N] [--seed S] [--truth FILE] [--buzz-log FILE]</c>:
/// a virtual wearer speaking PSP.
/// </summary>
public static class SimulateCommand
{
    /// <summary>What <c>simulate</c> was asked to do.</summary>
    public sealed record Settings(string Scenario, string Out)
    {
        public string? Speed { get; init; }
        public int Seed { get; init; } = 1;
        public string? TruthPath { get; init; }
        public string? BuzzLogPath { get; init; }
        public double? CorruptionRate { get; init; }
        public uint? StartTick { get; init; }
        public string? Profile { get; init; }
        public string? Imu { get; init; }

        /// <summary><c>--witmotion serial|ble</c>: play the wearer as two WitMotion sensors instead of a PSP device.</summary>
        public WitMotionSimulation? WitMotion { get; init; }

        /// <summary>What paces <c>--witmotion</c> on <c>--out bluez:</c> or <c>pty</c>; null = the wall clock at <see cref="Speed"/> (a test may share a virtual clock with run).</summary>
        public ISimulationPacer? Pacer { get; init; }
    }

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = $"a built-in scenario ({string.Join(", ", BuiltInScenarios.Names)}) or a scenario JSON file", Required = true };
        var output = new Option<string>("--out") { Description = "where the device talks: pty (prints the path to open), tcp://HOST:PORT (a server), file:PATH (a capture) or, with --witmotion ble, bluez:BUS_ADDRESS (the BlueZ stand-in on that D-Bus bus)", Required = true };
        var speed = new Option<string?>("--speed") { Description = "max, realtime or a factor over real time (default: max for file:, else 1)" };
        var seed = new Option<int>("--seed") { Description = "seed of every random choice; the same seed gives the same bytes", DefaultValueFactory = _ => 1 };
        var truth = new Option<string?>("--truth") { Description = "write the ground truth (segments, due alerts, quiet spans) as JSON Lines to this file" };
        var buzzLog = new Option<string?>("--buzz-log") { Description = "write each BUZZ the device acted on to this file, one JSON line each, as it arrives" };
        var corruption = new Option<double?>("--corruption-rate") { Description = "probability that a byte on the wire has a bit flipped (default: the scenario's, usually 0)" };
        var startTick = new Option<uint?>("--start-tick") { Description = "the device tick (u32 µs) of the first sample, e.g. 4294000000 to wrap 967 s in (default: the scenario's, else drawn from the seed)" };
        var profile = new Option<string?>("--profile") { Description = $"what the device sends: {DeviceOutputs.AnglesName} (SAMPLES, fused on the device) or {DeviceOutputs.RawName} (RAW accelerometer and gyroscope readings, fused by the host) (default: the scenario's, else {DeviceOutputs.AnglesName})" };
        var imu = new Option<string?>("--imu") { Description = $"the IMU a {DeviceOutputs.RawName} device simulates: {DeviceOutputs.ImuNames} (default: the scenario's, else icm-42688-p)" };
        var witMotion = new Option<string?>("--witmotion") { Description = "play the wearer as two WitMotion sensors (lumbar, pelvis) speaking serial (on two PTYs, or into two timed captures with --out file:PREFIX) or ble (BLE peripherals of the BlueZ stand-in with --out bluez:BUS_ADDRESS, or timed captures of BLE notifications)" };
        var drop = new Option<string[]>("--drop") { Description = $"with --witmotion ble --out bluez:… or --witmotion serial --out pty: unplug a sensor for a while, {SensorDrop.Format} (repeatable)", AllowMultipleArgumentsPerToken = false };
        var rate = new Option<double?>("--rate") { Description = "with --witmotion: the sensors' output rate in Hz (0.2–200, default 50)" };
        var lumbarMounting = new Option<string?>("--lumbar-mounting") { Description = "with --witmotion: the lumbar sensor's mounting, ABOUT[,OFF[,AZIMUTH]] degrees (default: drawn from the seed)" };
        var pelvisMounting = new Option<string?>("--pelvis-mounting") { Description = "with --witmotion: the pelvis sensor's mounting, ABOUT[,OFF[,AZIMUTH]] degrees (default: drawn from the seed)" };
        var loss = new Option<double?>("--loss") { Description = "with --witmotion: probability a sample is lost on the link (default 0.01 for ble, 0 for serial)" };
        var noNoise = new Option<bool>("--no-noise") { Description = "with --witmotion: no sensor noise or fusion error (still quantised)" };
        var quaternion = new Option<bool>("--quaternion") { Description = "with --witmotion serial: also send quaternion packets (0x59)" };
        var command = new Command("simulate", "a virtual wearer speaking PSP, into a pseudo-terminal, a TCP server or a capture file")
        {
            scenario, output, speed, seed, truth, buzzLog, corruption, startTick, profile, imu, witMotion, rate, lumbarMounting, pelvisMounting, loss, noNoise, quaternion, drop,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var signals = new TerminationSignals(cancel);
            WitMotionSimulation? sensors = null;
            if (parse.GetValue(witMotion) is { } format)
            {
                if (WitMotionOptions(format, parse.GetValue(rate), parse.GetValue(lumbarMounting), parse.GetValue(pelvisMounting), parse.GetValue(loss), parse.GetValue(noNoise), parse.GetValue(quaternion), out string problem) is not { } parsed)
                {
                    await Console.Error.WriteLineAsync($"posturestream simulate: {problem}");
                    return ExitCodes.Usage;
                }

                sensors = parsed;
            }

            if (parse.GetValue(drop) is { Length: > 0 } drops)
            {
                string dropProblem = "--drop needs --witmotion ble --out bluez:BUS_ADDRESS or --witmotion serial --out pty";
                if (sensors is null || ParseDrops(drops, out dropProblem) is not { } parsedDrops)
                {
                    await Console.Error.WriteLineAsync($"posturestream simulate: {dropProblem}");
                    return ExitCodes.Usage;
                }

                sensors = sensors with { Drops = parsedDrops };
            }

            return await RunAsync(
                new Settings(parse.GetValue(scenario)!, parse.GetValue(output)!)
                {
                    Speed = parse.GetValue(speed),
                    Seed = parse.GetValue(seed),
                    TruthPath = parse.GetValue(truth),
                    BuzzLogPath = parse.GetValue(buzzLog),
                    CorruptionRate = parse.GetValue(corruption),
                    StartTick = parse.GetValue(startTick),
                    Profile = parse.GetValue(profile),
                    Imu = parse.GetValue(imu),
                    WitMotion = sensors,
                },
                Console.Out,
                Console.Error,
                signals.Token);
        });
        return command;
    }

    /// <summary>--profile and --imu over the scenario's device; throws <see cref="ScenarioException"/> naming a bad value.</summary>
    private static Scenario WithDevice(Scenario scenario, Settings settings)
    {
        DeviceProfile device = scenario.Device;
        if (settings.Profile is { } name)
        {
            if (!DeviceOutputs.TryParse(name, out DeviceOutput output))
            {
                throw new ScenarioException($"--profile must be {DeviceOutputs.AnglesName} or {DeviceOutputs.RawName}, got '{name}'");
            }

            device = device with { Output = output };
        }

        if (settings.Imu is { } imu)
        {
            device = device with { ImuModel = PostureStream.Simulation.Imu.ImuModel.Find(imu) ?? throw new ScenarioException($"--imu must be one of {DeviceOutputs.ImuNames}, got '{imu}'") };
        }

        return (scenario with { Device = device }).Validate();
    }

    public static async Task<int> RunAsync(Settings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        const string me = "posturestream simulate";
        Scenario scenario;
        try
        {
            scenario = ScenarioCatalog.Resolve(settings.Scenario);
            if (settings.CorruptionRate is { } rate)
            {
                scenario = (scenario with { Device = scenario.Device with { CorruptionRate = rate } }).Validate();
            }

            if (settings.StartTick is { } tick)
            {
                scenario = scenario with { Device = scenario.Device with { StartTick = tick } };
            }

            scenario = WithDevice(scenario, settings);
        }
        catch (ScenarioException e)
        {
            await stderr.WriteLineAsync($"{me}: {e.Message}");
            return ExitCodes.Usage;
        }

        if (!SimulateTarget.TryParse(settings.Out, out SimulateTarget? target, out string targetError))
        {
            await stderr.WriteLineAsync($"{me}: {targetError}");
            return ExitCodes.Usage;
        }

        SimulationSpeed speed = target is FileTarget ? SimulationSpeed.Max : SimulationSpeed.RealTime;
        if (settings.Speed is not null && !SimulationSpeed.TryParse(settings.Speed, out speed))
        {
            await stderr.WriteLineAsync($"{me}: --speed must be max, realtime or a positive number, got '{settings.Speed}'");
            return ExitCodes.Usage;
        }

        // Every file is checked before anything is written, so a mistake costs nothing (exit 2).
        foreach ((string option, string? path) in new[] { ("--out", (target as FileTarget)?.Path), ("--truth", settings.TruthPath), ("--buzz-log", settings.BuzzLogPath) })
        {
            if (path is not null && FileProblem.BeforeWriting(path) is { } problem)
            {
                await stderr.WriteLineAsync($"{me}: {option}: {problem}");
                return ExitCodes.Usage;
            }
        }

        SimulationPlan plan = SimulationPlan.Create(scenario, settings.Seed);
        BuzzLog? buzzLog = null;
        string? writing = settings.TruthPath;
        try
        {
            if (settings.TruthPath is { } truthPath)
            {
                await using var file = new FileStream(truthPath, FileMode.Create, FileAccess.Write);
                TruthWriter.Write(GroundTruth.Compute(plan), file);
            }

            writing = settings.BuzzLogPath;
            buzzLog = settings.BuzzLogPath is { } buzzPath ? BuzzLog.Create(buzzPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"{me}: {FileProblem.DescribeWrite(writing ?? "", e)} (give a writable file path)");
            return ExitCodes.Usage;
        }

        using (buzzLog)
        {
            try
            {
                if (settings.WitMotion is { } sensors)
                {
                    return await SimulateWitMotionAsync(sensors, plan, target!, speed, settings.Pacer, stdout, stderr, cancel);
                }

                return target switch
                {
                    FileTarget file when speed.IsMax => await WriteCaptureAsync(plan, file.Path, stderr, cancel),
                    FileTarget file => await ServeToFileAsync(plan, file.Path, speed, buzzLog, cancel),
                    PtyTarget when OperatingSystem.IsLinux() => await ServePtyAsync(plan, speed, buzzLog, stdout, stderr, cancel),
                    PtyTarget => await NoPtyHereAsync(stderr),
                    TcpTarget tcp => await ServeTcpAsync(plan, tcp, speed, buzzLog, stdout, stderr, cancel),
                    BlueZTarget => await UsageAsync(stderr, "--out bluez:BUS_ADDRESS serves simulated BLE sensors: add --witmotion ble"),
                    _ => ExitCodes.Usage,
                };
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return ExitCodes.Ok; // SIGINT/SIGTERM: what was sent stays sent.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SocketException)
            {
                await stderr.WriteLineAsync($"{me}: the link failed: {e.Message}");
                return ExitCodes.RuntimeFailure;
            }
        }
    }

    private static async Task<int> WriteCaptureAsync(SimulationPlan plan, string path, TextWriter stderr, CancellationToken cancel)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"posturestream simulate: --out: {FileProblem.DescribeWrite(path, e)} (give a writable file path)");
            return ExitCodes.Usage;
        }

        await using (file)
        {
            CaptureSummary summary = await CaptureWriter.WriteAsync(plan, file, cancel);
            await stderr.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {summary.Bytes} bytes: {summary.Frames} frames ({summary.LostFrames} lost on the simulated link), {summary.Samples} samples, {plan.Duration.TotalSeconds:F0} s of '{plan.Scenario.Name}' (seed {plan.Seed})"));
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ServeToFileAsync(SimulationPlan plan, string path, SimulationSpeed speed, BuzzLog? buzzLog, CancellationToken cancel)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var scheduler = new EventLoopScheduler();
        using var device = NewDevice(plan, scheduler, speed, buzzLog, streamOnPowerUp: true);
        using IDisposable writing = device.Output.Subscribe(chunk =>
        {
            file.Write(chunk.Span);
            file.Flush();
        });
        device.PowerOn();
        await device.Completion.WaitAsync(cancel);
        return ExitCodes.Ok;
    }

    /// <summary>The <c>--witmotion</c> options as a simulation, or null with what is wrong.</summary>
    public static WitMotionSimulation? WitMotionOptions(string format, double? rate, string? lumbar, string? pelvis, double? loss, bool noNoise, bool quaternion, out string problem)
    {
        problem = "";
        Simulation.WitMotion.WitMotionWireFormat? wire = format.ToLowerInvariant() switch
        {
            "serial" => Simulation.WitMotion.WitMotionWireFormat.Serial,
            "ble" => Simulation.WitMotion.WitMotionWireFormat.Ble,
            _ => null,
        };
        if (wire is null)
        {
            problem = $"--witmotion must be serial or ble, got '{format}'";
            return null;
        }

        if (rate is { } hz && !Protocol.WitMotion.WitMotionRates.TryGetCode(hz, out _))
        {
            problem = $"--rate {hz.ToString(CultureInfo.InvariantCulture)} is not a WitMotion output rate; use one of {string.Join(", ", Protocol.WitMotion.WitMotionRates.Supported.Select(r => r.ToString(CultureInfo.InvariantCulture)))}";
            return null;
        }

        Simulation.WitMotion.SensorMounting? lumbarMounting = null, pelvisMounting = null;
        if ((lumbar is not null && !WitMotionSimulation.TryParseMounting(lumbar, out lumbarMounting)) || (pelvis is not null && !WitMotionSimulation.TryParseMounting(pelvis, out pelvisMounting)))
        {
            problem = "a mounting is ABOUT[,OFF[,AZIMUTH]] in degrees, OFF 0–90, e.g. --lumbar-mounting 90,15,30";
            return null;
        }

        if (loss is { } l && l is < 0 or > 0.5)
        {
            problem = $"--loss must be 0–0.5, got {l.ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        return new WitMotionSimulation(wire.Value)
        {
            RateHertz = rate ?? 50,
            LumbarMounting = lumbarMounting,
            PelvisMounting = pelvisMounting,
            LossRate = loss,
            Noise = !noNoise,
            Quaternion = quaternion,
        };
    }

    /// <summary>The <c>--drop</c> values, or null with what is wrong.</summary>
    public static IReadOnlyList<SensorDrop>? ParseDrops(IEnumerable<string> values, out string problem)
    {
        problem = "";
        var drops = new List<SensorDrop>();
        foreach (string value in values)
        {
            if (!SensorDrop.TryParse(value, out SensorDrop? parsed))
            {
                problem = $"--drop is {SensorDrop.Format}; got '{value}'";
                return null;
            }

            drops.Add(parsed!);
        }

        return drops;
    }

    private static async Task<int> UsageAsync(TextWriter stderr, string problem)
    {
        await stderr.WriteLineAsync($"posturestream simulate: {problem}");
        return ExitCodes.Usage;
    }

    private static async Task<int> SimulateWitMotionAsync(WitMotionSimulation sensors, SimulationPlan plan, SimulateTarget target, SimulationSpeed speed, ISimulationPacer? pacer, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        bool live = (target is BlueZTarget && sensors.Format == Simulation.WitMotion.WitMotionWireFormat.Ble) || (target is PtyTarget && sensors.Format == Simulation.WitMotion.WitMotionWireFormat.Serial);
        if (sensors.Drops.Count > 0 && !live)
        {
            return await UsageAsync(stderr, "--drop unplugs live sensors: use it with --witmotion ble --out bluez:BUS_ADDRESS or --witmotion serial --out pty");
        }

        switch (target)
        {
            case BlueZTarget when sensors.Format != Simulation.WitMotion.WitMotionWireFormat.Ble:
                return await UsageAsync(stderr, "--out bluez:BUS_ADDRESS serves BLE sensors: use --witmotion ble (serial sensors play on --out pty)");
            case BlueZTarget when speed.IsMax && pacer is null:
                return await UsageAsync(stderr, "--out bluez: plays at --speed realtime or a factor: at max every notification would arrive at once, and a BLE host times samples by their arrival");
            case BlueZTarget bluez when OperatingSystem.IsLinux():
                return await ServeBlueZAsync(sensors, plan, bluez.BusAddress, pacer ?? new RealTimePacer(speed, TimeProvider.System), stdout, stderr, cancel);
            case BlueZTarget:
                return await UsageAsync(stderr, "--out bluez: needs Linux (BlueZ and unix-socket D-Bus)");
            case FileTarget file:
                (string lumbar, string pelvis) = await sensors.WriteCapturesAsync(plan, file.Path, cancel);
                await stdout.WriteLineAsync($"file:{lumbar}");
                await stdout.WriteLineAsync($"file:{pelvis}");
                await stderr.WriteLineAsync($"wrote {plan.Duration.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s of '{plan.Scenario.Name}' (seed {plan.Seed}) as two WitMotion sensors: {lumbar}, {pelvis}");
                return ExitCodes.Ok;
            case PtyTarget when sensors.Format == Simulation.WitMotion.WitMotionWireFormat.Serial && OperatingSystem.IsLinux():
                await sensors.ServePtysAsync(plan, pacer ?? new RealTimePacer(speed, TimeProvider.System), stdout, stderr, cancel);
                await Linger(cancel);
                return ExitCodes.Ok;
            default:
                await stderr.WriteLineAsync("posturestream simulate: --witmotion serial plays on --out pty (Linux) or into --out file:PREFIX; --witmotion ble plays on --out bluez:BUS_ADDRESS or into --out file:PREFIX (timed captures of BLE notifications)");
                return ExitCodes.Usage;
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task<int> ServeBlueZAsync(WitMotionSimulation sensors, SimulationPlan plan, string busAddress, ISimulationPacer pacer, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        try
        {
            await WitMotionBlueZPeripherals.ServeAsync(sensors, plan, busAddress, pacer, stdout, stderr, cancel);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is Tmds.DBus.Protocol.DBusConnectionException or Tmds.DBus.Protocol.DBusErrorReplyException)
        {
            await stderr.WriteLineAsync($"posturestream simulate: cannot serve the BlueZ stand-in on {busAddress}: {e.Message} (start a private bus: dbus-daemon --session --print-address --fork)");
            return ExitCodes.RuntimeFailure;
        }
    }

    private static async Task<int> NoPtyHereAsync(TextWriter stderr)
    {
        await stderr.WriteLineAsync("posturestream simulate: --out pty needs Linux pseudo-terminals; on this platform use --out tcp://127.0.0.1:7878 or --out file:capture.psp");
        return ExitCodes.Usage;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task<int> ServePtyAsync(SimulationPlan plan, SimulationSpeed speed, BuzzLog? buzzLog, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        PseudoTerminal pty;
        try
        {
            pty = PseudoTerminal.Open();
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            await stderr.WriteLineAsync($"posturestream simulate: cannot open a pseudo-terminal: {e.Message} (try --out tcp://127.0.0.1:7878)");
            return ExitCodes.Usage;
        }

        using (pty)
        {
            await stdout.WriteLineAsync(pty.SlavePath);
            await stdout.FlushAsync(cancel);
            await stderr.WriteLineAsync($"simulating '{plan.Scenario.Name}' (seed {plan.Seed}, speed {speed}) on {pty.SlavePath}: open it as a serial port, send IDENTIFY and START");
            using var scheduler = new EventLoopScheduler();
            using var device = NewDevice(plan, scheduler, speed, buzzLog, streamOnPowerUp: false);
            await DeviceLinkPump.RunAsync(device, pty.Read, chunk => pty.Write(chunk.Span, cancel), cancel);
            await Linger(cancel);
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ServeTcpAsync(SimulationPlan plan, TcpTarget target, SimulationSpeed speed, BuzzLog? buzzLog, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        TcpDeviceServer server;
        try
        {
            server = await TcpDeviceServer.StartAsync(target.Host, target.Port, cancel);
        }
        catch (SocketException e)
        {
            await stderr.WriteLineAsync($"posturestream simulate: cannot listen on {target.Host}:{target.Port}: {e.Message} (choose a free port, or 0 for any)");
            return ExitCodes.Usage;
        }

        using (server)
        {
            string address = server.LocalEndpoint.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{server.LocalEndpoint.Address}]" : server.LocalEndpoint.Address.ToString();
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"tcp://{address}:{server.LocalEndpoint.Port}"));
            await stdout.FlushAsync(cancel);
            using var scheduler = new EventLoopScheduler();
            using var device = NewDevice(plan, scheduler, speed, buzzLog, streamOnPowerUp: false);
            await server.RunAsync(device, cancel);
            await Linger(cancel);
        }

        return ExitCodes.Ok;
    }

    private static VirtualDevice NewDevice(SimulationPlan plan, IScheduler scheduler, SimulationSpeed speed, BuzzLog? buzzLog, bool streamOnPowerUp)
    {
        var device = new VirtualDevice(plan, scheduler, new VirtualDeviceOptions { Speed = speed, StreamOnPowerUp = streamOnPowerUp });
        if (buzzLog is not null)
        {
            device.BuzzReceived.Subscribe(buzzLog.Write);
        }

        return device;
    }

    /// <summary>Gives the host a moment to read the last bytes before the link closes.</summary>
    private static Task Linger(CancellationToken cancel) =>
        cancel.IsCancellationRequested ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, cancel);
}
