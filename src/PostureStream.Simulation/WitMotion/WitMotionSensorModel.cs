using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// A WitMotion sensor (WT901 family) stuck on one segment of the simulated wearer: what it outputs per sample and
/// when each sample reaches the host. Deterministic for the plan's seed and the placement.
/// <list type="bullet">
/// <item>Orientation: the segment's true motion (<see cref="SegmentKinematics"/>) turned by the
/// <see cref="SensorMounting"/>, seen through the onboard fusion (<see cref="OnboardFusion"/>).</item>
/// <item>Clock: the sensor samples at its set rate on its own oscillator — skewed by up to ±3000 ppm and wandering
/// ±200 ppm over 20 min (temperature) — and sends no counter. With <see cref="WitMotionSensorOptions.TimePackets"/>
/// it sends its real-time clock, which runs on the same oscillator: sample <c>k</c> is taken at clock time
/// <c>start + k × nominal period</c>, sent truncated to the ms.</item>
/// <item>Delivery: <see cref="ArrivalModel"/> per <see cref="WitMotionLinkProfile"/>; samples in a scenario segment
/// whose <c>fault</c> names this sensor, or in a link dropout, are <see cref="SampleDelivery.Disconnected"/>.</item>
/// </list>
/// </summary>
public sealed class WitMotionSensorModel
{
    private const int StreamBase = 500;
    private const double SkewWanderPpm = 200;
    private const double SkewWanderPeriodSeconds = 1200;
    private const double StandardGravity = 1;

    private readonly SimulationPlan _plan;
    private readonly WitMotionSensorOptions _options;
    private readonly double _headingDegrees;

    public WitMotionSensorModel(SimulationPlan plan, SensorPlacement placement, WitMotionSensorOptions? options = null)
    {
        _plan = plan;
        _options = options ?? new WitMotionSensorOptions();
        _options.Validate();
        Placement = placement;

        // The heading belongs to the wearer, so both sensors draw it from the same stream.
        _headingDegrees = SeedMixer.Create(plan.Seed, StreamBase).Uniform(0, 360);
        Random draws = Stream(0);
        Mounting = _options.Mounting ?? SensorMounting.Draw(draws);
        ClockSkewPpm = _options.ClockSkewPpm ?? draws.Uniform(-3000, 3000);
        FirstSampleMicroseconds = (long)(draws.NextDouble() * 1e6 / _options.SampleRateHz);
        ConnectionInterval = TimeSpan.FromMicroseconds(new ArrivalModel(_options.Link, Stream(2)).IntervalMicroseconds);

        // A set clock shows a day of 2026 and a time of day; an unset one started at 00:00:00 when powered up.
        long setClock = (long)(TimeSpan.FromDays(9497 + draws.Next(0, 365)) + TimeSpan.FromSeconds(draws.Uniform(0, 86_400))).TotalMicroseconds;
        ClockStartMicroseconds = _options.ClockSet ? setClock : 0;
    }

    /// <summary>The sensor clock at sample 0, µs since 2000-01-01 of that clock (see <see cref="WitMotionSensorOptions.ClockSet"/>).</summary>
    public long ClockStartMicroseconds { get; }

    /// <summary>Whether the sensor sends time packets, and whether they carry a date.</summary>
    public bool TimePackets => _options.TimePackets;

    public bool ClockSet => _options.ClockSet;

    /// <summary>The connection interval (or latency timer) this sensor's link was given.</summary>
    public TimeSpan ConnectionInterval { get; }

    public SensorPlacement Placement { get; }

    public SensorMounting Mounting { get; }

    public double ClockSkewPpm { get; }

    public double SampleRateHz => _options.SampleRateHz;

    /// <summary>True time of sample 0, µs from the scenario's start.</summary>
    public long FirstSampleMicroseconds { get; }

    /// <summary>Every sample the sensor takes over the scenario, delivered or not, in order.</summary>
    public IEnumerable<WitMotionReading> Readings()
    {
        var kinematics = new SegmentKinematics(_plan, Placement, _headingDegrees);
        var fusion = new OnboardFusion(Stream(1), _options.Noise);
        var arrival = new ArrivalModel(_options.Link, Stream(2));
        RotationMatrix mounting = Mounting.Rotation;
        double reattachAt = _options.Reattached?.At.TotalSeconds ?? double.PositiveInfinity;
        SensorFault mine = Placement == SensorPlacement.Lumbar ? SensorFault.Lumbar : SensorFault.Pelvis;
        var dropouts = _plan.Segments.Where(s => s.Definition.Dropout > TimeSpan.Zero)
            .Select(s => (Start: s.Start.TotalSeconds, End: (s.Start + s.Definition.Dropout).TotalSeconds)).ToArray();
        double end = _plan.Duration.TotalSeconds;
        double seconds = FirstSampleMicroseconds / 1e6;
        double previous = seconds;
        for (long index = 0; seconds < end; index++)
        {
            if (seconds >= reattachAt)
            {
                mounting = _options.Reattached!.Mounting.Rotation;
                reattachAt = double.PositiveInfinity;
            }

            SegmentMotionState motion = kinematics.At(seconds);
            RotationMatrix sensorToWorld = motion.Orientation * mounting;
            RotationMatrix worldToSensor = sensorToWorld.Transposed();
            Vector3D angularVelocity = mounting.Transposed() * motion.AngularVelocity;
            Vector3D specificForce = worldToSensor * (motion.Acceleration + (Vector3D.UnitZ * StandardGravity));
            var (gyro, accel, roll, pitch, yaw) = fusion.Step(sensorToWorld, angularVelocity, specificForce, Math.Max(seconds - previous, 1e-6));

            long sampleMicroseconds = (long)Math.Round(seconds * 1e6);
            var (arrivalMicroseconds, lost) = arrival.Next(seconds * 1e6);
            bool disconnected = (_plan.Segments[motion.SegmentIndex].Definition.Fault & mine) != 0
                || dropouts.Any(d => seconds >= d.Start && seconds < d.End);
            SampleDelivery delivery = disconnected ? SampleDelivery.Disconnected : lost ? SampleDelivery.Lost : SampleDelivery.Delivered;

            yield return new WitMotionReading(
                index,
                sampleMicroseconds,
                arrivalMicroseconds,
                delivery,
                Counts(accel, WitMotionScale.AccelerationG),
                Counts(gyro * (180 / Math.PI), WitMotionScale.AngularVelocityDegreesPerSecond),
                new AxesCounts(WitMotionScale.AngleCounts(roll), WitMotionScale.AngleCounts(pitch), WitMotionScale.AngleCounts(yaw)),
                Quaternion(roll, pitch, yaw),
                motion.PitchDegrees,
                motion.RollDegrees,
                _options.TimePackets ? SensorClock(index) : null);

            previous = seconds;
            double skew = ClockSkewPpm + (SkewWanderPpm * Math.Sin(2 * Math.PI * seconds / SkewWanderPeriodSeconds));
            seconds += 1 / (_options.SampleRateHz * (1 + (skew / 1e6)));
        }
    }

    /// <summary>The sensor clock at sample <paramref name="index"/>: its own time runs at the nominal period; the packet carries whole ms.</summary>
    private long SensorClock(long index) =>
        (ClockStartMicroseconds + (long)Math.Round(index * 1e6 / _options.SampleRateHz)) / 1000 * 1000;

    private Random Stream(int which) => SeedMixer.Create(_plan.Seed, StreamBase + 10 + (10 * (int)Placement) + which);

    private static AxesCounts Counts(Vector3D v, double fullScale) =>
        new(WitMotionScale.Counts(v.X, fullScale), WitMotionScale.Counts(v.Y, fullScale), WitMotionScale.Counts(v.Z, fullScale));

    /// <summary>Z-Y-X Euler angles (degrees) as a unit quaternion in counts.</summary>
    private static QuaternionCounts Quaternion(double rollDegrees, double pitchDegrees, double yawDegrees)
    {
        double hr = rollDegrees * Math.PI / 360, hp = pitchDegrees * Math.PI / 360, hy = yawDegrees * Math.PI / 360;
        double cr = Math.Cos(hr), sr = Math.Sin(hr), cp = Math.Cos(hp), sp = Math.Sin(hp), cy = Math.Cos(hy), sy = Math.Sin(hy);
        double w = (cr * cp * cy) + (sr * sp * sy);
        double x = (sr * cp * cy) - (cr * sp * sy);
        double y = (cr * sp * cy) + (sr * cp * sy);
        double z = (cr * cp * sy) - (sr * sp * cy);
        if (w < 0)
        {
            (w, x, y, z) = (-w, -x, -y, -z);
        }

        return new QuaternionCounts(
            WitMotionScale.Counts(w, WitMotionScale.Quaternion),
            WitMotionScale.Counts(x, WitMotionScale.Quaternion),
            WitMotionScale.Counts(y, WitMotionScale.Quaternion),
            WitMotionScale.Counts(z, WitMotionScale.Quaternion));
    }
}
