using PostureStream.Protocol;
using PostureStream.Signals.Fusion;

namespace PostureStream.Signals.Pipeline;

/// <summary>
/// Feeds one PSP device's decoded messages into its <see cref="DeviceChain"/> (firmware-protocol/SPEC.md): SAMPLES become
/// <see cref="SegmentSample"/> batches, RAW too after host fusion (<see cref="RawImuFusion"/>), STATUS a <see cref="DeviceStatus"/>, EVENT codes 1, 2 and 4 a
/// <see cref="DeviceCue"/>. This is the one place a PSP tick is unwrapped for the chain (Protocol's
/// <see cref="TickUnwrapper"/>): wraps are taken out, and a device reset steps the time back as far as the tick did,
/// which the chain reads as a new segment. Identity is not taken from HELLO here: the device session decides it
/// (HELLO, or its defaults when none comes) and calls <see cref="Identify"/>. One per device; feed it in arrival order.
/// </summary>
public sealed class PspChainFeed(DeviceChain chain)
{
    private readonly TickUnwrapper ticks = new();
    private readonly SegmentSample[] batch = new SegmentSample[PspLayout.MaxSamplesPerFrame];
    private RawImuFusion? fusion;

    /// <summary>The chain fed.</summary>
    public DeviceChain Chain { get; } = chain ?? throw new ArgumentNullException(nameof(chain));

    /// <summary>The chain identity of a PSP device: a HELLO rate of 0 means the default 100 Hz; sensors missing from the mask are faults.</summary>
    public static ChainIdentity IdentityOf(DeviceIdentity device, int sampleRateHz, SensorMask sensors) =>
        new(device, sampleRateHz == 0 ? 100 : sampleRateHz, MissingOf(sensors));

    /// <summary>The sensors a HELLO's sensor_mask leaves out.</summary>
    internal static SensorFaults MissingOf(SensorMask sensors) =>
        ((sensors & SensorMask.Lumbar) == 0 ? SensorFaults.Lumbar : SensorFaults.None)
        | ((sensors & SensorMask.Pelvis) == 0 ? SensorFaults.Pelvis : SensorFaults.None);

    /// <summary>Tells the chain who the device is (from its HELLO or the session's defaults).</summary>
    public void Identify(DeviceIdentity device, int sampleRateHz, SensorMask sensors)
    {
        if (Chain.Identity is { } known && known.Device != device)
        {
            fusion?.Reset(); // another device's IMUs: nothing of the last one's attitude or bias applies
        }

        Chain.Identify(IdentityOf(device, sampleRateHz, sensors));
    }

    /// <summary>SAMPLES, RAW, STATUS and EVENT go to the chain; anything else (HELLO, ACK, host commands) is not the chain's.</summary>
    public void Message(PspMessage message)
    {
        switch (message)
        {
            case SamplesMessage samples:
                Samples(samples);
                break;
            case RawMessage raw:
                Raw(raw);
                break;
            case StatusMessage status:
                Status(status);
                break;
            case EventMessage e:
                Event(e);
                break;
        }
    }

    public void Samples(SamplesMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sample[] received = message.Samples;
        int count = Math.Min(received.Length, batch.Length);
        for (int i = 0; i < count; i++)
        {
            Sample s = received[i];
            batch[i] = new SegmentSample(
                ticks.Follow(s.TickMicroseconds),
                new SensorAngles(
                    Sample.ToDegrees(s.LumbarPitchCentiDegrees),
                    Sample.ToDegrees(s.LumbarRollCentiDegrees),
                    Sample.ToDegrees(s.PelvisPitchCentiDegrees),
                    Sample.ToDegrees(s.PelvisRollCentiDegrees)),
                SensorFaults.None);
        }

        Chain.Samples(batch.AsSpan(0, count));
    }

    /// <summary>
    /// RAW: each sample's raw IMU readings become the four angles by host fusion (Signals Fusion README), one
    /// orientation filter per IMU, stepped by the unwrapped ticks; then the batch goes to the chain like SAMPLES.
    /// </summary>
    public void Raw(RawMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        fusion ??= new RawImuFusion(FusionOptions);
        RawSample[] received = message.Samples;
        int count = Math.Min(received.Length, batch.Length);
        for (int i = 0; i < count; i++)
        {
            batch[i] = fusion.Fuse(ticks.Follow(received[i].TickMicroseconds), received[i], message.ImuMask, message.AccelFullScaleG, message.GyroFullScaleDps);
        }

        Chain.Samples(batch.AsSpan(0, count));
    }

    /// <summary>The host fusion's gains for RAW devices (null = the defaults); set before the first RAW frame.</summary>
    public FusionOptions? FusionOptions { get; init; }

    public void Status(StatusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Chain.Status(StatusOf(message));
    }

    /// <summary>
    /// EVENT codes 1 (calibrate), 2 (sensor re-initialised), 4 (snooze) and 5 (session done, arg = minutes); 3 (low
    /// battery) and unknown codes are not the chain's.
    /// </summary>
    public void Event(EventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Code == DeviceEventCode.SessionDone)
        {
            Chain.SessionDone(ticks.Peek(message.TickMicroseconds), message.Argument);
            return;
        }

        DeviceCue? cue = message.Code switch
        {
            DeviceEventCode.CalibrateRequest => DeviceCue.CalibrateButton,
            DeviceEventCode.SensorReinitialised => DeviceCue.SensorReinitialised,
            DeviceEventCode.SnoozeRequest => DeviceCue.SnoozeButton,
            _ => null,
        };
        if (cue is { } c)
        {
            Chain.Cue(c, ticks.Peek(message.TickMicroseconds));
        }
    }

    /// <summary>A STATUS in the chain's words: battery_pct 255 is unknown, temperature in °C, the fault flags as sensors.</summary>
    public static DeviceStatus StatusOf(StatusMessage status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new DeviceStatus(
            status.BatteryMillivolts,
            status.BatteryPercent == StatusMessage.BatteryPercentUnknown ? null : status.BatteryPercent,
            status.TemperatureCentiCelsius / 100.0,
            (status.Flags & StatusFlags.Charging) != 0,
            ((status.Flags & StatusFlags.LumbarFault) != 0 ? SensorFaults.Lumbar : SensorFaults.None)
            | ((status.Flags & StatusFlags.PelvisFault) != 0 ? SensorFaults.Pelvis : SensorFaults.None));
    }
}

/// <summary>How the chain's PSP inputs read device ticks.</summary>
internal static class PspTicks
{
    /// <summary>
    /// Moves <paramref name="ticks"/> to a sample's tick and returns its time on the chain's input line: forward
    /// across wraps, and at a device reset back as far as the tick went (the chain reads a step back as a reset).
    /// </summary>
    public static long Follow(this TickUnwrapper ticks, uint tick)
    {
        long resetStep = ticks.LastTick is uint last ? (long)tick - last : 0;
        ticks.Advance(tick, resetStep, out _);
        return ticks.DeviceMicroseconds;
    }
}
