using PostureStream.Protocol;
using PostureStream.Simulation.Imu;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Device;

/// <summary>
/// Everything the device sends after it starts streaming, in order: a STATUS first and every status
/// interval of device time (and whenever a sensor fault starts or ends), an EVENT where a segment asks
/// for one, and SAMPLES frames. Samples are taken on the device clock (nominal period plus jitter),
/// so their true times stretch or shrink with the clock skew.
/// </summary>
internal sealed class FrameGenerator(SimulationPlan plan)
{
    public IEnumerable<DeviceItem> Generate(bool withTruth = false)
    {
        DeviceProfile device = plan.Device;
        double period = 1e6 / device.SampleRateHz;
        int perFrame = device.FrameSamples;
        long total = plan.SampleCount;
        var noise = new ImuNoiseModel(device.SampleRateHz, SeedMixer.Create(plan.Seed, SeedMixer.Noise), SeedMixer.Create(plan.Seed, SeedMixer.Sway));
        bool raw = device.Output == DeviceOutput.PspRaw;
        RawImuSimulator? imus = raw ? new RawImuSimulator(plan, SeedMixer.Create(plan.Seed, SeedMixer.RawImu)) : null;
        Random link = SeedMixer.Create(plan.Seed, SeedMixer.Link);
        var battery = new BatteryModel(device);
        var dropouts = plan.Segments.Where(s => s.Definition.Dropout > TimeSpan.Zero)
            .Select(s => (Start: s.Start.TotalSeconds, End: (s.Start + s.Definition.Dropout).TotalSeconds)).ToArray();
        long statusEvery = (long)device.StatusInterval.TotalMicroseconds;
        long nextStatus = 0;
        StatusFlags faults = StatusFlags.None;
        bool lowBatterySent = false;
        int cursor = 0;
        int lastEventSegment = -1;

        for (long first = 0; first < total; first += perFrame)
        {
            int count = (int)Math.Min(perFrame, total - first);
            var samples = new Sample[raw ? 0 : count];
            var rawSamples = new RawSample[raw ? count : 0];
            uint firstTick = 0;
            FrameTruth? truth = withTruth ? new FrameTruth(count) : null;
            StatusFlags frameFaults = StatusFlags.None;
            SensorMask frameMask = SensorMask.Both;
            var events = new List<DeviceItem>();
            double firstTrue = 0;
            long firstElapsed = 0;
            for (int i = 0; i < count; i++)
            {
                long n = first + i;
                double jitter = n == 0 ? 0 : device.TickJitterMicroseconds * ((2 * link.NextDouble()) - 1);
                long elapsed = (long)Math.Round((n * period) + jitter);
                double trueSeconds = elapsed / 1e6 / plan.ClockRate;
                PostureAngles clean = plan.Timeline.Evaluate(trueSeconds, ref cursor, out Activity activity);
                SensorFault fault = plan.Segments[cursor].Definition.Fault;
                uint tick = unchecked((uint)(plan.StartTick + elapsed));
                PostureAngles mounted = clean;
                if (imus is not null)
                {
                    var reading = imus.Sample(trueSeconds, BatteryModel.TemperatureCentiCelsiusAt(trueSeconds) / 100.0);
                    mounted = reading.Mounted;
                    rawSamples[i] = new RawSample(
                        tick,
                        fault.HasFlag(SensorFault.Lumbar) ? default : reading.Lumbar,
                        fault.HasFlag(SensorFault.Pelvis) ? default : reading.Pelvis);
                    frameMask &= MaskOf(fault);
                }
                else
                {
                    PostureAngles measured = device.Noise ? clean + noise.Next(trueSeconds) : clean;
                    samples[i] = Encode(tick, measured, fault);
                }

                frameFaults |= ToFlags(fault);
                if (i == 0)
                {
                    firstTrue = trueSeconds;
                    firstElapsed = elapsed;
                    firstTick = tick;
                }

                if (cursor != lastEventSegment && plan.Segments[cursor].Definition.Event is { } code)
                {
                    events.Add(new DeviceItem(new EventMessage(tick, code, 0), trueSeconds, false));
                }

                lastEventSegment = cursor;
                if (truth is not null)
                {
                    truth.DeviceMicroseconds[i] = plan.StartTick + elapsed;
                    truth.Activities[i] = activity;
                    truth.Segments[i] = cursor;
                    truth.Clean[i] = clean;
                    truth.Mounted[i] = mounted;
                }
            }

            double sentAt = count > 0 ? (((first + count - 1) * period) / 1e6 / plan.ClockRate) : firstTrue;
            bool lost = dropouts.Any(d => firstTrue >= d.Start && firstTrue < d.End);
            bool randomLoss = link.NextDouble() < device.DropoutRate;
            if (firstElapsed >= nextStatus || frameFaults != faults)
            {
                if (firstElapsed >= nextStatus)
                {
                    nextStatus += statusEvery;
                }

                faults = frameFaults;
                var status = new StatusMessage(battery.MillivoltsAt(firstTrue), (byte)Math.Round(battery.PercentAt(firstTrue)), BatteryModel.TemperatureCentiCelsiusAt(firstTrue), faults);
                yield return new DeviceItem(status, firstTrue, lost);
            }

            if (!lowBatterySent && battery.PercentAt(firstTrue) < 15)
            {
                lowBatterySent = true;
                events.Add(new DeviceItem(new EventMessage(firstTick, DeviceEventCode.LowBattery, (byte)Math.Round(battery.PercentAt(firstTrue))), firstTrue, false));
            }

            foreach (DeviceItem evt in events)
            {
                yield return evt with { Dropped = lost };
            }

            if (truth is not null)
            {
                truth.Faults = faults;
            }

            // A fault on one IMU clears its mask bit for the whole frame, as the STATUS flag does.
            PspMessage message = raw
                ? new RawMessage(frameMask, device.AccelFullScaleG, device.GyroFullScaleDps, rawSamples)
                : new SamplesMessage(samples);
            yield return new DeviceItem(message, sentAt, lost || randomLoss) { Truth = truth };
        }
    }

    private static SensorMask MaskOf(SensorFault fault) =>
        (fault.HasFlag(SensorFault.Lumbar) ? SensorMask.None : SensorMask.Lumbar) | (fault.HasFlag(SensorFault.Pelvis) ? SensorMask.None : SensorMask.Pelvis);

    private static StatusFlags ToFlags(SensorFault fault) =>
        (fault.HasFlag(SensorFault.Lumbar) ? StatusFlags.LumbarFault : StatusFlags.None)
        | (fault.HasFlag(SensorFault.Pelvis) ? StatusFlags.PelvisFault : StatusFlags.None);

    private static Sample Encode(uint tick, PostureAngles a, SensorFault fault)
    {
        bool lumbar = !fault.HasFlag(SensorFault.Lumbar);
        bool pelvis = !fault.HasFlag(SensorFault.Pelvis);
        return new Sample(
            tick,
            lumbar ? Centi(a.LumbarPitch) : Sample.NotAvailable,
            lumbar ? Centi(a.LumbarRoll) : Sample.NotAvailable,
            pelvis ? Centi(a.PelvisPitch) : Sample.NotAvailable,
            pelvis ? Centi(a.PelvisRoll) : Sample.NotAvailable);
    }

    private static short Centi(double degrees) => (short)Math.Clamp(Math.Round(degrees * 100), -32767, 32767);
}
