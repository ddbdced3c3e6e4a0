using System.Reactive.Subjects;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests;

/// <summary>A scripted wearer: pushes 100 Hz samples in batches of 10 through the whole signal pipeline (device clock).</summary>
internal sealed class Wearer : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly Subject<PspMessage> link = new();
    private readonly IDisposable subscription;
    private readonly IDisposable noticeSubscription;
    private uint tick = 1_000;

    public Wearer(ICalibrationStore? store = null, CalibrationOptions? options = null, ulong deviceId = 7, SensorMask sensors = SensorMask.Both)
    {
        Calibration = new DeviceCalibration(store ?? new InMemoryCalibrationStore(), options);
        noticeSubscription = Calibration.Notices.Subscribe(Notices.Add);
        subscription = Frames.DeviceClockPipeline(Calibration)(link).Subscribe(Output.Add);
        link.OnNext(PspMessageBuilder.Hello(deviceId, 100, sensors));
    }

    public DeviceCalibration Calibration { get; }

    public List<PostureFrame> Output { get; } = [];

    public List<CalibrationNotice> Notices { get; } = [];

    public PostureSample Last => Output.FindLast(f => f.Kind == FrameKind.Samples)!.Samples[^1];

    public CalibrationNotice? LastTaken => Notices.FindLast(n => n.Kind == CalibrationNoticeKind.Taken);

    /// <summary>
    /// Holds a posture for <paramref name="seconds"/>; <paramref name="sway"/>(t) is added to both pitches. A frame (10 samples)
    /// for which <paramref name="lost"/>(frame index) is true is taken but never arrives, as on a lossy link.
    /// <paramref name="afterFrame"/>(seconds so far) runs after each frame that arrived.
    /// </summary>
    public Wearer Hold(
        double seconds,
        (double LumbarPitch, double LumbarRoll, double PelvisPitch, double PelvisRoll) posture,
        Func<double, double>? sway = null,
        Func<int, bool>? lost = null,
        Action<double>? afterFrame = null)
    {
        int count = (int)Math.Round(seconds * 100);
        for (int start = 0; start < count; start += 10)
        {
            if (lost?.Invoke(start / 10) == true)
            {
                tick = unchecked(tick + (uint)(Math.Min(10, count - start) * 10_000));
                continue;
            }

            var samples = new Sample[Math.Min(10, count - start)];
            for (int i = 0; i < samples.Length; i++)
            {
                double t = (start + i) / 100.0;
                double s = sway?.Invoke(t) ?? 0;
                samples[i] = PspMessageBuilder.Sample(tick, posture.LumbarPitch + s, posture.LumbarRoll, posture.PelvisPitch + s, posture.PelvisRoll);
                tick = unchecked(tick + 10_000);
            }

            link.OnNext(new SamplesMessage(samples));
            afterFrame?.Invoke((start + samples.Length) / 100.0);
        }

        return this;
    }

    /// <summary>
    /// Walks for <paramref name="seconds"/> around <paramref name="posture"/> (a 4° gait swing at 1.8 Hz on both pitches),
    /// reporting the walk's length to the calibration after every frame as detection does, and its end after the last.
    /// </summary>
    public Wearer Walk(double seconds, (double LumbarPitch, double LumbarRoll, double PelvisPitch, double PelvisRoll) posture, Func<int, bool>? lost = null)
    {
        Hold(seconds, posture, t => 4 * Math.Sin(2 * Math.PI * 1.8 * t), lost, elapsed => Calibration.ReportWalking(TimeSpan.FromSeconds(elapsed)));
        Calibration.ReportWalking(TimeSpan.Zero);
        return this;
    }

    public Wearer Send(PspMessage message)
    {
        link.OnNext(message);
        return this;
    }

    public Wearer Event(DeviceEventCode code) => Send(PspMessageBuilder.Event(tick, code));

    public Wearer Gap(TimeSpan length)
    {
        tick = unchecked(tick + (uint)length.TotalMicroseconds);
        return this;
    }

    public Wearer RestartDevice()
    {
        tick = 500;
        return this;
    }

    public void Dispose()
    {
        subscription.Dispose();
        noticeSubscription.Dispose();
        Calibration.Dispose();
        link.Dispose();
    }
}
