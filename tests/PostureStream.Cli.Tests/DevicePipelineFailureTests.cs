using System.Reactive.Concurrency;
using PostureStream.Cli.Run;
using PostureStream.Devices.Session;
using PostureStream.Devices.Sources;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Simulation;
using PostureStream.Simulation.Scenarios;
using PostureStream.Storage.Points;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests;

/// <summary>
/// No exception is lost inside the Rx chain of a device: a stage that throws is reported and ends the device
/// (today it unsubscribed the pipeline and the run hung without a word), and a neutral that cannot be saved
/// mid-run is a warning while alerts keep flowing.
/// </summary>
public sealed class DevicePipelineFailureTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new("ps-pipeline-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _problems = new();

    public void Dispose()
    {
        _output.Dispose();
        _problems.Dispose();
        _dir.Dispose();
    }

    private async Task<DevicePipeline> StartAsync(Func<RunReporter, ICalibrationStore> calibrationStore)
    {
        string capture = _dir.Sub("quick-demo.psp");
        await File.WriteAllBytesAsync(capture, CaptureWriter.ToArray(SimulationPlan.Create(ScenarioCatalog.Resolve("quick-demo"), 2)));
        var reporter = new RunReporter(_output, _problems, quiet: false, TimeProvider.System);
        var context = new RunContext
        {
            Detection = new DetectionOptions(),
            Calibration = new CalibrationOptions(),
            CalibrationStore = calibrationStore(reporter),
            Stores = new CompositePointStore([]),
            Reporter = reporter,
            Buzz = new BuzzSettings { Enabled = false },
            CommandStart = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        };
        var session = new DeviceSession(SourceConnectors.CreateFactory(TimeProvider.System).Create(SourceUri.Parse($"file:{capture}?speed=max")));
        var signals = new SignalOptions { DeviceTime = new DeviceTimeOptions { Clock = ClockSource.Device, Start = context.CommandStart } };
        var pipeline = new DevicePipeline(session, context, signals, Scheduler.Default);
        await pipeline.StartAsync(CancellationToken.None);
        return pipeline;
    }

    [Fact]
    public async Task AStageThatThrows_IsReportedNamingTheDevice_AndTheDeviceEnds()
    {
        await using DevicePipeline pipeline = await StartAsync(_ => new ThrowingCalibrationStore());

        await pipeline.Drained.WaitAsync(Deadline);

        Assert.True(pipeline.Failed);
        Assert.Contains("posturestream run: device sim-quick-demo: disk on fire", _problems.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANeutralThatCannotBeSaved_IsAWarning_AndAlertsKeepFlowing()
    {
        string file = _dir.Sub("a-file");
        await File.WriteAllTextAsync(file, "x");
        string folder = Path.Combine(file, "calibration");
        ReportingCalibrationStore? store = null;
        await using DevicePipeline pipeline = await StartAsync(reporter => store = new ReportingCalibrationStore(new JsonFileCalibrationStore(folder), reporter));

        await pipeline.Drained.WaitAsync(Deadline);

        Assert.False(pipeline.Failed);
        Assert.True(store!.FailedSaves > 0);
        Assert.Contains("warning: calibration not saved to " + folder, _problems.ToString(), StringComparison.Ordinal);
        Assert.Contains("raised after", _output.ToString(), StringComparison.Ordinal);
    }

    private sealed class ThrowingCalibrationStore : ICalibrationStore
    {
        public CalibrationRecord? Load(ulong deviceId) => null;

        public void Save(CalibrationRecord record) => throw new IOException("disk on fire");
    }
}
