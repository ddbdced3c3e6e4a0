using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Physiology;

/// <summary>Turns a segment definition into its motion, drawing what the definition leaves open.</summary>
internal static class SegmentPlanner
{
    // Anterior pelvic tilt comes with more lordosis: the pelvis takes this share of the change.
    private const double PelvisShareOfLordosisChange = 0.6;

    // Slumping rolls the pelvis further back while the lumbar spine flexes.
    private const double PelvisShareOfSlump = 0.4;

    public static PlannedSegment Plan(ScenarioSegment definition, int index, TimeSpan start, WearerAnatomy anatomy, Random random)
    {
        Activity activity = ActivityOf(definition);
        ISegmentMotion motion = definition.Kind switch
        {
            SegmentKind.Standing => new StaticMotion(Standing(anatomy, definition.LordosisDeltaDegrees ?? 0)),
            SegmentKind.AnteriorTiltStanding => new StaticMotion(Standing(anatomy, definition.LordosisDeltaDegrees ?? random.Uniform(10, 14))),
            SegmentKind.Sitting => new StaticMotion(Sitting(anatomy, definition.LordosisDeltaDegrees ?? 0)),
            SegmentKind.SlumpedSitting => new StaticMotion(Sitting(anatomy, definition.LordosisDeltaDegrees ?? random.Uniform(-20, -15))),
            SegmentKind.Walking => new WalkingMotion(
                Standing(anatomy, definition.LordosisDeltaDegrees ?? 0) + PostureAngles.PitchOffset(1.0, 0),
                definition.CadenceHz ?? random.Uniform(1.8, 2.0),
                random),
            SegmentKind.HipHingeBend => HipHinge(anatomy, definition, random),
            SegmentKind.LumbarBend => LumbarBend(anatomy, definition, random),
            SegmentKind.Lying => new StaticMotion(new PostureAngles(-random.Uniform(80, 84), random.Uniform(-3, 3), -random.Uniform(84, 88), random.Uniform(-3, 3))),
            SegmentKind.Fidgeting => Fidgeting(BaseOf(anatomy, definition), definition.Duration.TotalSeconds, random),
            SegmentKind.Reaching => Reaching(BaseOf(anatomy, definition), definition.Duration.TotalSeconds, random),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, null),
        };
        return new PlannedSegment(index, definition, activity, start, motion, anatomy);
    }

    public static Activity ActivityOf(ScenarioSegment definition) => definition.Kind switch
    {
        SegmentKind.Standing or SegmentKind.AnteriorTiltStanding => Activity.Standing,
        SegmentKind.Sitting or SegmentKind.SlumpedSitting => Activity.Sitting,
        SegmentKind.Walking => Activity.Walking,
        SegmentKind.HipHingeBend or SegmentKind.LumbarBend => Activity.Bending,
        SegmentKind.Lying => Activity.Lying,
        _ => definition.Base,
    };

    private static PostureAngles Standing(WearerAnatomy anatomy, double lordosisDelta) =>
        anatomy.StandingNeutral + PostureAngles.PitchOffset(PelvisShareOfLordosisChange * lordosisDelta, lordosisDelta);

    private static PostureAngles Sitting(WearerAnatomy anatomy, double lordosisDelta) =>
        anatomy.SittingNeutral + PostureAngles.PitchOffset(PelvisShareOfSlump * lordosisDelta, lordosisDelta);

    private static PostureAngles BaseOf(WearerAnatomy anatomy, ScenarioSegment definition) =>
        definition.Base == Activity.Standing ? anatomy.StandingNeutral : anatomy.SittingNeutral;

    /// <summary>Hip hinge: the pelvis rotates 48–56°, the lumbar sensor only 3–7° more (lumbar share ≈ 0.52).</summary>
    private static BendMotion HipHinge(WearerAnatomy anatomy, ScenarioSegment definition, Random random)
    {
        double pelvic = random.Uniform(48, 56);
        double lumbar = pelvic + random.Uniform(3, 7);
        return new BendMotion(anatomy.StandingNeutral, new PostureAngles(lumbar, 0, pelvic, 0), definition.Duration.TotalSeconds);
    }

    /// <summary>Bending from the back: lumbar flexion 45–55° on 12–18° of pelvic rotation (lumbar share ≈ 0.75).</summary>
    private static BendMotion LumbarBend(WearerAnatomy anatomy, ScenarioSegment definition, Random random)
    {
        double pelvic = random.Uniform(12, 18);
        double lumbar = random.Uniform(45, 55);
        return new BendMotion(anatomy.StandingNeutral, new PostureAngles(lumbar, 0, pelvic, 0), definition.Duration.TotalSeconds);
    }

    /// <summary>Shifts of 1–2.5° in pelvis and lordosis and 1–3° of roll, lasting 0.8–1.5 s, every 2–5 s.</summary>
    private static BumpMotion Fidgeting(PostureAngles @base, double duration, Random random)
    {
        var bumps = new List<(double, double, PostureAngles)>();
        for (double t = random.Uniform(1, 3); t < duration - 1.5; t += random.Uniform(2, 5))
        {
            double length = random.Uniform(0.8, 1.5);
            PostureAngles offset = PostureAngles.PitchOffset(Signed(random, 1, 2.5), Signed(random, 1, 2.5))
                + new PostureAngles(0, Signed(random, 1, 3), 0, Signed(random, 1, 3));
            bumps.Add((t, length, offset));
            t += length;
        }

        return new BumpMotion(@base, bumps);
    }

    /// <summary>Forward reaches of 1.8–2.6 s: pelvis +6–10°, lumbar +15–25° (well short of a 35° bend), every 5–9 s.</summary>
    private static BumpMotion Reaching(PostureAngles @base, double duration, Random random)
    {
        var bumps = new List<(double, double, PostureAngles)>();
        for (double t = random.Uniform(2, 4); t < duration - 3; t += random.Uniform(5, 9))
        {
            double length = random.Uniform(1.8, 2.6);
            double roll = Signed(random, 2, 6);
            bumps.Add((t, length, new PostureAngles(random.Uniform(15, 25), roll, random.Uniform(6, 10), 0.5 * roll)));
            t += length;
        }

        return new BumpMotion(@base, bumps);
    }

    private static double Signed(Random random, double min, double max) => (random.Next(2) == 0 ? -1 : 1) * random.Uniform(min, max);
}
