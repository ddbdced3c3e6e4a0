using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.WitMotion;

/// <summary>The true motion of one body segment at an instant.</summary>
/// <param name="Orientation">Segment frame (X anterior, Y left, Z cranial) to world (Z up): heading, then pitch, then roll.</param>
/// <param name="AngularVelocity">Angular velocity in the segment frame, rad/s.</param>
/// <param name="Acceleration">Linear acceleration of the sensor site in the world frame, g (gravity not included).</param>
internal readonly record struct SegmentMotionState(
    RotationMatrix Orientation,
    Vector3D AngularVelocity,
    Vector3D Acceleration,
    double PitchDegrees,
    double RollDegrees,
    Activity Activity,
    int SegmentIndex);

/// <summary>
/// The simulator's intended posture of one segment (pitch and roll from the timeline) made into a full rigid-body
/// motion: the body's heading turns slowly (±30° over 4 min, so a yaw-free method is needed), the sensor site
/// sits a lever arm above the hip joint (0.40 m for the lumbar sensor, 0.12 m for the sacral one) so bends
/// accelerate it, and walking adds the trunk's bounce once a step (0.25 g vertical, 0.15 g fore-aft, 0.08 g
/// sideways once a stride). Angular velocity and acceleration are central differences of that motion.
/// Times must not go backwards between calls.
/// </summary>
internal sealed class SegmentKinematics(SimulationPlan plan, SensorPlacement placement, double headingOffsetDegrees)
{
    private const double StepSeconds = 0.005;
    private const double HeadingSwingDegrees = 30;
    private const double HeadingPeriodSeconds = 240;
    private const double StandardGravity = 9.80665;

    private readonly double _leverArmMetres = placement == SensorPlacement.Lumbar ? 0.40 : 0.12;
    private int _before;
    private int _now;
    private int _after;

    public SegmentMotionState At(double seconds)
    {
        RotationMatrix previous = Orientation(Math.Max(0, seconds - StepSeconds), ref _before, out _, out _, out _);
        RotationMatrix current = Orientation(seconds, ref _now, out double pitch, out double roll, out Activity activity);
        RotationMatrix next = Orientation(seconds + StepSeconds, ref _after, out _, out _, out _);
        double span = seconds - Math.Max(0, seconds - StepSeconds) + StepSeconds;

        // Ω = Rᵀ·Ṙ is skew-symmetric; its off-diagonal entries are the body-frame angular velocity.
        RotationMatrix rate = Difference(next, previous, 1 / span);
        RotationMatrix omega = current.Transposed() * rate;
        var angularVelocity = new Vector3D(
            (omega.M21 - omega.M12) / 2,
            (omega.M02 - omega.M20) / 2,
            (omega.M10 - omega.M01) / 2);

        var site = new Vector3D(0, 0, _leverArmMetres);
        Vector3D acceleration = ((next * site) - (current * site * 2) + (previous * site)) * (1 / (StepSeconds * StepSeconds * StandardGravity));
        if (activity == Activity.Walking && plan.Segments[_now].Motion is WalkingMotion walking)
        {
            double step = walking.StepPhase(seconds - plan.Segments[_now].Start.TotalSeconds);
            var bounce = new Vector3D(0.15 * Math.Sin(step + 1), 0.08 * Math.Sin(step / 2), 0.25 * Math.Sin(step));
            acceleration += RotationMatrix.AboutZ(Heading(seconds)) * bounce;
        }

        return new SegmentMotionState(current, angularVelocity, acceleration, pitch, roll, activity, _now);
    }

    private RotationMatrix Orientation(double seconds, ref int cursor, out double pitch, out double roll, out Activity activity)
    {
        PostureAngles posture = plan.Timeline.Evaluate(seconds, ref cursor, out activity);
        (pitch, roll) = placement == SensorPlacement.Lumbar
            ? (posture.LumbarPitch, posture.LumbarRoll)
            : (posture.PelvisPitch, posture.PelvisRoll);

        // Pitch forward turns the top of the segment toward +X: a positive rotation about +Y (left).
        // Roll to the right turns it toward −Y: a positive rotation about +X (anterior).
        return RotationMatrix.AboutZ(Heading(seconds))
            * RotationMatrix.AboutY(pitch * Math.PI / 180)
            * RotationMatrix.AboutX(roll * Math.PI / 180);
    }

    private double Heading(double seconds) =>
        (headingOffsetDegrees + (HeadingSwingDegrees * Math.Sin(2 * Math.PI * seconds / HeadingPeriodSeconds))) * Math.PI / 180;

    private static RotationMatrix Difference(RotationMatrix a, RotationMatrix b, double scale) => new(
        (a.M00 - b.M00) * scale, (a.M01 - b.M01) * scale, (a.M02 - b.M02) * scale,
        (a.M10 - b.M10) * scale, (a.M11 - b.M11) * scale, (a.M12 - b.M12) * scale,
        (a.M20 - b.M20) * scale, (a.M21 - b.M21) * scale, (a.M22 - b.M22) * scale);
}
