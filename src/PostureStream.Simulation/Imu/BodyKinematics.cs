using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Imu;

/// <summary>
/// Where the two sensors are and how they are turned at any true time, from the wearer's intended posture: each
/// segment's orientation from its pitch and roll (and a heading that wanders), each sensor's position from the hip's
/// height (standing, sitting, lying, blended over transitions like the angles), the segment's rotation about the hip
/// and, while walking, the trunk's bounce (vertical, at the step frequency), its fore-aft surge and its sideways sway
/// (at the stride frequency), with the walking speed ramping up and down. World axes: +z up.
/// </summary>
internal sealed class BodyKinematics
{
    public const double Gravity = 9.80665;
    private const double WalkingSpeed = 1.25;           // m/s
    private const double PelvisSensorAboveHip = 0.10;   // m along the segment, from the hip joint
    private const double LumbarSensorAboveHip = 0.35;
    private const double SensorBehindJoint = 0.10;      // m dorsal

    private readonly PostureTimeline timeline;
    private readonly IReadOnlyList<PlannedSegment> segments;
    private readonly Gait[] gaits;
    private readonly double headingPeriod;
    private readonly double headingAmplitude;
    private int cursor;

    public BodyKinematics(PostureTimeline timeline, Random random)
    {
        this.timeline = timeline;
        segments = timeline.Segments;
        gaits = segments.Select(s => s.Motion is WalkingMotion w
            ? new Gait(w.CadenceHz, w.Phase, random.Uniform(0.25, 0.40), random.Uniform(0.15, 0.30), random.Uniform(0.08, 0.15), random.Uniform(0, 2 * Math.PI))
            : default).ToArray();
        headingPeriod = random.Uniform(30, 90);
        headingAmplitude = random.Uniform(0.2, 0.6);
    }

    /// <summary>The true orientation (sensor → world) of both segments and their sensors' world positions at <paramref name="seconds"/>.</summary>
    public BodyPose PoseAt(double seconds)
    {
        // Evaluated at t ± a few ms for derivatives: look the segment up without the caller's monotonic cursor.
        int local = cursor;
        while (local > 0 && seconds < segments[local].Start.TotalSeconds)
        {
            local--;
        }

        PostureAngles angles = timeline.Evaluate(seconds, ref local, out _);
        if (seconds >= segments[cursor].Start.TotalSeconds)
        {
            cursor = local;
        }

        double heading = (headingAmplitude * Math.Sin(2 * Math.PI * seconds / headingPeriod)) + Blend(seconds, local, HeadingSway);
        Quat lumbar = SegmentOrientation(angles.LumbarPitch, angles.LumbarRoll, heading);
        Quat pelvis = SegmentOrientation(angles.PelvisPitch, angles.PelvisRoll, heading);
        var hip = Hip(seconds, local, heading);
        return new BodyPose(lumbar, pelvis, SensorPosition(hip, lumbar, LumbarSensorAboveHip), SensorPosition(hip, pelvis, PelvisSensorAboveHip), Progress(seconds, local, heading));
    }

    /// <summary>
    /// The orientation (sensor → world) of a sensor on a segment at this pitch, roll and heading: upright it is
    /// +x up, +y left, +z backward (SPEC's RAW axes); up in its axes is (cos r·cos p, sin r, cos r·sin p).
    /// </summary>
    public static Quat SegmentOrientation(double pitchDegrees, double rollDegrees, double headingRadians)
    {
        const double d = Math.PI / 180;
        Quat upright = Quat.About((0, 1, 0), -Math.PI / 2); // x → up, z → backward
        return upright * Quat.About((1, 0, 0), -headingRadians) * Quat.About((0, 0, 1), -rollDegrees * d) * Quat.About((0, 1, 0), pitchDegrees * d);
    }

    private static (double X, double Y, double Z) SensorPosition((double X, double Y, double Z) hip, Quat orientation, double aboveHip)
    {
        var along = orientation.Rotate((aboveHip, 0, SensorBehindJoint));
        return (hip.X + along.X, hip.Y + along.Y, hip.Z + along.Z);
    }

    // The hip's position without the forward progress of walking (that is a velocity, see Progress).
    private (double X, double Y, double Z) Hip(double seconds, int index, double heading)
    {
        double height = Blend(seconds, index, (i, _) => HipHeight(segments[i].Activity));
        double vertical = Blend(seconds, index, (i, t) => gaits[i].Vertical(t - segments[i].Start.TotalSeconds));
        double surge = Blend(seconds, index, (i, t) => gaits[i].Surge(t - segments[i].Start.TotalSeconds));
        double sway = Blend(seconds, index, (i, t) => gaits[i].Sway(t - segments[i].Start.TotalSeconds));
        (double fx, double fy) = (Math.Cos(heading), Math.Sin(heading));
        return ((surge * fx) - (sway * fy), (surge * fy) + (sway * fx), height + vertical);
    }

    // Walking speed along the heading, m/s: its derivative is the acceleration of starting and stopping.
    private (double X, double Y) Progress(double seconds, int index, double heading)
    {
        double speed = Blend(seconds, index, (i, _) => segments[i].Activity == Activity.Walking ? WalkingSpeed : 0);
        return (speed * Math.Cos(heading), speed * Math.Sin(heading));
    }

    private double HeadingSway(int index, double seconds) =>
        gaits[index].Cadence > 0 ? 0.08 * Math.Sin((Math.PI * gaits[index].Cadence * (seconds - segments[index].Start.TotalSeconds)) + gaits[index].StepPhase) : 0;

    private static double HipHeight(Activity activity) => activity switch
    {
        Activity.Sitting => 0.50,
        Activity.Lying => 0.20,
        _ => 0.95,
    };

    // A quantity of the segment at `index`, blended over its transition from the previous segment's (which runs on).
    private double Blend(double seconds, int index, Func<int, double, double> of)
    {
        PlannedSegment segment = segments[index];
        double local = seconds - segment.Start.TotalSeconds;
        double transition = segment.Definition.Transition.TotalSeconds;
        double value = of(index, seconds);
        if (index == 0 || transition <= 0 || local >= transition)
        {
            return value;
        }

        double w = Ramp.Cosine(Math.Max(0, local) / transition);
        return ((1 - w) * of(index - 1, seconds)) + (w * value);
    }

    /// <summary>A walking segment's trunk motion: displacement amplitudes from acceleration amplitudes (g) at the step or stride frequency.</summary>
    private readonly record struct Gait(double Cadence, double StepPhase, double VerticalG, double SurgeG, double SwayG, double SurgePhase)
    {
        public double Vertical(double t) => Oscillate(VerticalG, Cadence, t, 0) + Oscillate(0.3 * VerticalG, 2 * Cadence, t, 0.4);

        public double Surge(double t) => Oscillate(SurgeG, Cadence, t, SurgePhase);

        public double Sway(double t) => Oscillate(SwayG, Cadence / 2, t, 1.1);

        // x = −A·g/ω²·sin(ωt + φ) has acceleration A·g·sin(ωt + φ).
        private double Oscillate(double amplitudeG, double hz, double t, double phase)
        {
            if (hz <= 0)
            {
                return 0;
            }

            double w = 2 * Math.PI * hz;
            return -amplitudeG * Gravity / (w * w) * Math.Sin((w * t) + StepPhase + phase);
        }
    }
}

/// <summary>Both segments' orientation (sensor → world), their sensors' positions (m) and the walking velocity (m/s) at one instant.</summary>
internal readonly record struct BodyPose(Quat Lumbar, Quat Pelvis, (double X, double Y, double Z) LumbarPosition, (double X, double Y, double Z) PelvisPosition, (double X, double Y) Progress);
