using PostureStream.Cli.Notifications;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Runtime.InteropServices;
using PostureStream.Cli.Configuration;
using PostureStream.Dashboard.Live;
using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Sources;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Storage.Files;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>
/// Runs the pipelines of every source until the finite ones end or SIGINT/SIGTERM arrives, then
/// drains them and flushes the stores (what is not sent stays in the spool or the disk queue), and
/// exits 0 (README, using it) — or 1 when a store lost points because its disk queue or spool was full,
/// with a last line saying how many.
/// </summary>
internal static class RunHost
{
    /// <summary>How long a clean shutdown may spend flushing the stores.</summary>
    private static readonly TimeSpan FlushBound = TimeSpan.FromSeconds(10);

    /// <param name="givenStores">Tests: write to these stores instead of opening <c>--store</c>.</param>
    public static async Task<int> RunAsync(RunSettings settings, TimeProvider time, CancellationToken cancel, Action<DevicePipeline>? onPipeline = null, bool openStores = true, IReadOnlyList<IPointStore>? givenStores = null)
    {
        using var signals = new TerminationSignals(cancel);
        CancellationToken stop = signals.Token;

        TextWriter log = settings.AlertsOut == "-" ? Console.Error : Console.Out;
        var reporter = new RunReporter(log, Console.Error, settings.Quiet, time);
        string dataDirectory = settings.ResolveDataDirectory();
        var pipelines = new PipelineSet();
        var wearers = new List<WearerPipeline>();
        CompositePointStore? stores = null;
        AlertOutput? alerts = null;
        LiveFeedHub? live = null;
        IAsyncDisposable? dashboard = null;
        ReportingCalibrationStore? calibrationStore = null;
        SessionButton? sessionButton = null;
        try
        {
            DataDirectory.EnsureWritable(dataDirectory);
            stores = givenStores is not null ? new CompositePointStore(givenStores)
                : openStores ? StoreOpener.OpenAll(settings, dataDirectory, reporter, time)
                : new CompositePointStore([]);
            if (openStores && givenStores is null)
            {
                RestrictDefaultStoreFiles(settings, dataDirectory);
            }

            if (openStores && givenStores is null)
            {
                sessionButton = ProgrammeRecording.Open(settings, dataDirectory, stores, reporter);
            }

            alerts = AlertOutput.Open(settings.AlertsOut, settings.Notify ? AlertNotifications.ForThisMachine(reporter) : null);
            if (!settings.NoDashboard && openStores)
            {
                live = new LiveFeedHub();
                live.OnCalibrate((id, sitting, _) => Task.FromResult(Calibrate(pipelines, id, sitting)));
                live.OnSnooze((id, _) => Task.FromResult(Snooze(pipelines, id)));
                dashboard = await DashboardHost.StartAsync(settings, dataDirectory, live, reporter, stop, sessionButton?.Book);
            }

            var context = new RunContext
            {
                Detection = settings.Detection,
                Calibration = settings.Calibration,
                CalibrationStore = calibrationStore = new ReportingCalibrationStore(new JsonFileCalibrationStore(DataDirectory.CalibrationFolder(dataDirectory)), reporter),
                Stores = stores,
                Alerts = alerts,
                Reporter = reporter,
                Buzz = settings.Buzz,
                CommandStart = time.GetUtcNow(),
                Live = live,
                SessionButton = sessionButton,
            };

            var factory = SourceConnectors.CreateFactory(time);
            string? deviceName = settings.Sources.Count == 1 ? settings.DeviceName : null;
            foreach (SourceSettings source in settings.Sources)
            {
                SourceSpec spec = SourceUri.Parse(source.Uri);
                var sessionOptions = DeviceSessionOptions.Default with { SourceName = spec.Name ?? source.Name, DeviceName = deviceName, IdleTimeout = spec.IdleTimeout };
                var session = new DeviceSession(factory.Create(spec), sessionOptions, time);
                var sourceContext = context with
                {
                    Detection = source.DetectionFor(settings.Detection),
                    SummarizeLink = spec.Transport == Transport.File,
                    // A file or the simulator can be read more slowly, so it waits for a store that is behind;
                    // a live link cannot stop reading (its buffers would overflow), so its points spill.
                    StorePacing = spec.Transport is Transport.File or Transport.Sim ? StorePacing.Wait : StorePacing.Spill,
                };
                pipelines.Add(new DevicePipeline(session, sourceContext, SignalOptionsFor(spec, settings, context.CommandStart), Scheduler.Default));
            }

            foreach (WearerSettings wearer in settings.Wearers)
            {
                // A wearer's sensors are live links or timed captures; either way its samples carry host UTC.
                bool replay = wearer.Lumbar.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
                wearers.Add(new WearerPipeline(wearer, context with { StorePacing = replay ? StorePacing.Wait : StorePacing.Spill }, DataDirectory.CalibrationFolder(dataDirectory), time, Scheduler.Default));
            }

            foreach (DevicePipeline pipeline in pipelines.Snapshot())
            {
                onPipeline?.Invoke(pipeline);
                await pipeline.StartAsync(stop);
            }

            foreach (WearerPipeline wearer in wearers)
            {
                await wearer.StartAsync(stop);
            }

            await Task.WhenAll(pipelines.Snapshot().Select(p => p.Drained).Concat(wearers.Select(w => w.Drained))).WaitAsync(stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (Exception e) when (e is SourceUriException or SourceOpenException or ConfigurationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"{InvokedCommand.Prefix}: {e.Message}");
            await ShutdownAsync(pipelines, wearers, stores, alerts, dashboard, live);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // SIGINT/SIGTERM while starting: fall through to the clean shutdown.
        }

        if (sessionButton is not null)
        {
            // A press whose programme is still being read is recorded before the stores close.
            await sessionButton.DrainAsync();
        }

        await ShutdownAsync(pipelines, wearers, stores, alerts, dashboard, live);
        bool failed = pipelines.Snapshot().Any(p => p.Failed) || wearers.Any(w => w.Failed);
        // Without stores this is 'calibrate', whose whole result is the saved neutral.
        bool neutralLost = !openStores && calibrationStore is { FailedSaves: > 0 };
        int lostPoints = LostPointsExit(stores);
        return failed || neutralLost ? ExitCodes.RuntimeFailure : lostPoints;
    }

    /// <summary>0, or 1 with a last line when a store had to lose points (never drop, and never silently).</summary>
    private static int LostPointsExit(CompositePointStore? stores)
    {
        long lost = stores?.PointsLost ?? 0;
        if (lost == 0)
        {
            return ExitCodes.Ok;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"posturestream run: {lost} points were lost: a store could not keep up and its disk queue (or spool) was full; see the warnings above"));
        return ExitCodes.RuntimeFailure;
    }

    /// <summary>
    /// The default SQLite file and its journal files are narrowed to 0600 and the spool folder made 0700, whatever
    /// the umask: they hold health data. (The data directory around them is 0700 already when run created it.)
    /// </summary>
    private static void RestrictDefaultStoreFiles(RunSettings settings, string dataDirectory)
    {
        try
        {
            PrivatePaths.CreateFolder(Path.Combine(dataDirectory, "spool"));
            if (settings.Stores.Count == 0)
            {
                string database = StoreOpener.DefaultStoreUri(dataDirectory)["sqlite:".Length..];
                foreach (string file in new[] { database, database + "-wal", database + "-shm", database + "-journal" })
                {
                    PrivatePaths.Restrict(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"the data directory {dataDirectory} cannot be written ({e.Message}); make it yours again (e.g. 'sudo chown -R $USER {dataDirectory}') or choose another with --data-dir DIR", e);
        }
    }

    private static SignalOptions SignalOptionsFor(SourceSpec spec, RunSettings settings, DateTimeOffset commandStart)
    {
        // file: and sim: are always stamped by the device clock, so replays are deterministic (Signals README, device time).
        bool deviceClock = spec.Clock == SourceClock.Device || spec.Transport is Transport.File or Transport.Sim;
        return new SignalOptions
        {
            LowPass = settings.LowPass,
            DeviceTime = new DeviceTimeOptions
            {
                Clock = deviceClock ? ClockSource.Device : ClockSource.Arrival,
                Start = deviceClock ? spec.Start ?? commandStart : null,
            },
        };
    }

    private static CommandResult Calibrate(PipelineSet pipelines, string deviceId, bool sitting)
    {
        DevicePipeline? pipeline = pipelines.Find(deviceId);
        if (pipeline is null)
        {
            return CommandResult.Refused($"no device {deviceId} in this run");
        }

        pipeline.Calibration.Request(sitting ? NeutralKind.Sitting : NeutralKind.Standing);
        return CommandResult.Done(sitting
            ? "Sit upright and comfortable and hold still for 5 seconds."
            : "Stand up straight and relaxed and hold still for 5 seconds.");
    }

    private static CommandResult Snooze(PipelineSet pipelines, string deviceId)
    {
        DeviceDetector? detector = pipelines.Find(deviceId)?.Detector;
        if (detector is null)
        {
            return CommandResult.Refused($"no device {deviceId} in this run");
        }

        detector.RequestSnooze();
        return CommandResult.Done("Buzzes snoozed for 30 minutes; alerts are still recorded.");
    }

    private static async Task ShutdownAsync(PipelineSet pipelines, List<WearerPipeline> wearers, CompositePointStore? stores, AlertOutput? alerts, IAsyncDisposable? dashboard, LiveFeedHub? live)
    {
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync();
        }

        live?.Dispose();
        // A source waiting for a store that is behind must be able to stop: its last points spill to disk.
        stores?.StopWaiting();
        // Stopping a session completes its stream, which clears open episodes and flushes the partial minute.
        foreach (DevicePipeline pipeline in pipelines.Snapshot())
        {
            await pipeline.DisposeAsync();
        }

        foreach (WearerPipeline wearer in wearers)
        {
            await wearer.DisposeAsync();
        }

        if (stores is not null)
        {
            using var bound = new CancellationTokenSource(FlushBound);
            try
            {
                await stores.FlushAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                // What was not stored in time stays in the spool or the disk queue and is stored on the next start.
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A store whose commits fail: closing moves what it holds to its disk queue for the next start.
                await Console.Error.WriteLineAsync($"posturestream run: flushing the stores failed: {e.Message}");
            }

            await stores.DisposeAsync();
        }

        alerts?.Dispose();
    }
}
