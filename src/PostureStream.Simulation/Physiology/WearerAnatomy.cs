using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Physiology;

/// <summary>A wearer's resolved anatomy: the standing and sitting neutral postures, in degrees.</summary>
public sealed record WearerAnatomy(PostureAngles StandingNeutral, PostureAngles SittingNeutral)
{
    /// <summary>Fills what <paramref name="profile"/> leaves open from <paramref name="random"/> (ranges on <see cref="WearerProfile"/>).</summary>
    public static WearerAnatomy Resolve(WearerProfile profile, Random random)
    {
        // Draw every value even when fixed, so fixing one does not shift the others.
        double pelvis = Pick(profile.StandingPelvisPitchDegrees, random.Uniform(0, 23));
        double lordosis = Pick(profile.StandingLordosisDegrees, 16 + (0.6 * pelvis) + random.Uniform(-3, 3));
        double sitRotation = Pick(profile.SittingPelvisRotationDegrees, random.Uniform(15, 20));
        double sitDrop = Pick(profile.SittingLordosisDropDegrees, random.Uniform(11, 13));
        double pelvisRoll = random.Uniform(-2, 2);
        double lumbarRoll = random.Uniform(-2, 2);
        var standing = new PostureAngles(pelvis - lordosis, lumbarRoll, pelvis, pelvisRoll);
        var sitting = standing + PostureAngles.PitchOffset(-sitRotation, -sitDrop);
        return new WearerAnatomy(standing, sitting);
    }

    public PostureAngles NeutralFor(Activity activity) => activity == Activity.Sitting ? SittingNeutral : StandingNeutral;

    private static double Pick(double? given, double drawn) => given ?? drawn;
}
