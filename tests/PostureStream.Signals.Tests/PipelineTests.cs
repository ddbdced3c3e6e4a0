using System.Reactive.Subjects;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

public sealed class PipelineTests
{
    [Fact]
    public void WalkingOscillation_SurvivesInTheDespikedPelvisPitch_ButIsDampedByTheLowPass()
    {
        // 1.8 Hz gait wobble of ±4° with single-sample spikes: the median drops the spikes and keeps the wobble.
        var messages = PspMessageBuilder.Batches(0, 1000, 10_000, 16, i =>
            (5, 0, 15 + (4 * Math.Sin(2 * Math.PI * 1.8 * i / 100.0)) + (i % 97 == 0 ? 30 : 0), 0));

        var samples = Frames.SamplesOf(Frames.Run(messages, s => s.UnwrapTicks().RemoveSpikes().LowPass()));

        var settled = samples.Skip(500).ToList();
        double despikedSwing = settled.Max(s => s.PelvisPitchDespikedDegrees) - settled.Min(s => s.PelvisPitchDespikedDegrees);
        double filteredSwing = settled.Max(s => s.Filtered.PelvisPitchDegrees) - settled.Min(s => s.Filtered.PelvisPitchDegrees);
        Assert.InRange(despikedSwing, 7, 8.1);
        Assert.True(filteredSwing < despikedSwing * 0.8, $"low-passed swing {filteredSwing:F2}° vs {despikedSwing:F2}°");
    }

    [Fact]
    public void LiveSilenceOverTenMinutes_MarksTheNeutralStale()
    {
        var scheduler = new TestScheduler();
        var link = new Subject<PspMessage>();
        var recorder = new Recorder<PostureFrame>();
        var store = new InMemoryCalibrationStore();
        store.Save(new CalibrationRecord(9, new Neutral(new SensorAngles(5, 1, 15, -1), scheduler.UtcNow, CalibrationSource.Command), null, StaleReason.None));
        using var calibration = new DeviceCalibration(store);
        using IDisposable _ = link.ConditionSignals(calibration, scheduler).Subscribe(recorder);

        link.OnNext(PspMessageBuilder.Hello(deviceId: 9));
        link.OnNext(PspMessageBuilder.Samples([100, 10_100], _ => (5, 1, 15, -1)));
        Assert.Equal(CalibrationState.Calibrated, recorder.Items[^1].Calibration);

        // The link is silent for 11 minutes and the ticks that follow show no gap (say they wrapped unseen):
        // only the wall time of the silence says how long it was.
        scheduler.AdvanceBy(TimeSpan.FromMinutes(11));
        link.OnNext(PspMessageBuilder.Samples([20_100, 30_100], _ => (5, 1, 15, -1)));

        Assert.Single(recorder.Items, f => f.Kind == FrameKind.Silence);
        PostureFrame resumed = recorder.Items[^1];
        Assert.True((resumed.Samples[0].Marks & SampleMarks.AfterSilence) != 0);
        Assert.Equal(CalibrationState.Stale, resumed.Calibration);
        Assert.Equal(StaleReason.LongGap, store.Load(9)!.Stale);
    }

    [Fact]
    public void SamplesBeforeHello_UseDeviceZero_ThenTheHelloDeviceIdLoadsItsOwnNeutral()
    {
        var store = new InMemoryCalibrationStore();
        store.Save(new CalibrationRecord(0x42, new Neutral(new SensorAngles(5, 1, 15, -1), Wearer.Start, CalibrationSource.Command), null, StaleReason.None));
        using var calibration = new DeviceCalibration(store);
        var messages = new PspMessage[]
        {
            PspMessageBuilder.Samples([0, 10_000], _ => (5, 1, 17, -1)),
            PspMessageBuilder.Hello(deviceId: 0x42),
            PspMessageBuilder.Samples([20_000, 30_000], _ => (5, 1, 17, -1)),
        };

        List<PostureFrame> frames = Frames.Run(messages, Frames.DeviceClockPipeline(calibration));

        Assert.Equal(0ul, frames[0].DeviceId);
        Assert.Equal(CalibrationState.Uncalibrated, frames[0].Calibration);
        Assert.Equal(0x42ul, frames[2].DeviceId);
        Assert.Equal(CalibrationState.Calibrated, frames[2].Calibration);
        Assert.Equal(2.0, frames[2].Samples[^1].PelvicTiltDegrees, 6);
    }

    [Fact]
    public void HandBuiltFrame_GetsItsAnglesFromComputeAngles()
    {
        var neutrals = new NeutralSet(new Neutral(new SensorAngles(5, 0, 15, 0), Wearer.Start, CalibrationSource.Command), null, StaleReason.None);
        PostureSample[] samples = [new PostureSample { DeviceMicroseconds = 1, Filtered = new SensorAngles(10, 0, 12, 0) }];
        var frame = new PostureFrame(FrameKind.Samples, samples) { DeviceId = 3, SampleRateHz = 100, Neutrals = neutrals };

        PostureFrame result = Frames.Run([], _ => System.Reactive.Linq.Observable.Return(frame).ComputeAngles())[0];

        PostureSample s = result.Samples[0];
        Assert.Equal(-3.0, s.PelvicTiltDegrees, 9);
        Assert.Equal(5.0, s.LumbarFlexionDegrees, 9);
        Assert.Equal(2.0, s.LordosisDegrees, 9);
        Assert.Equal(-8.0, s.LordosisDeltaStandingDegrees, 9);
        Assert.Equal(4.0, s.LordosisDeltaSittingDegrees, 9);
    }
}
