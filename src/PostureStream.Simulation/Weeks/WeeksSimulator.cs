namespace PostureStream.Simulation.Weeks;

/// <summary>
/// Generates weeks of a wearer as the stored data the pattern analysis reads — per-minute summaries, bends and the
/// standing neutrals of each calibration — instead of 100 Hz frames for every hour (six weeks at 100 Hz would be
/// 150 million samples per wearer). The equivalent keeps what those summaries depend on:
/// <list type="bullet">
/// <item>Every morning the sensors are re-attached with a placement error per sensor (default SD 1.5°) and the standing
/// neutral is re-taken (at 08:05 and after the first walk, as the product does): its pelvis pitch is the day's habitual
/// standing inclination plus the placement error plus quiet-stance sway.</item>
/// <item>Angles are reported against that day's neutrals, so the placement error cancels in them — and so does any
/// change of the habitual standing inclination, which only the neutral series carries.</item>
/// <item>Within a minute, lordosis delta is simulated in 5 s steps around the minute's mean (the context's habit, a
/// day-level and a minute-level deviation) as an AR(1) sway, and the flattened / hyper-extended seconds come from the
/// product's hysteresis thresholds (−10°/−7° and +8°/+5°) applied to it, as the per-minute rollup counts them.</item>
/// </list>
/// The same seed always gives the same weeks.
/// </summary>
public static class WeeksSimulator
{
    private const double FlatteningStart = -10, FlatteningEnd = -7, HyperStart = 8, HyperEnd = 5;
    private const double SwaySd = 3.0;

    // The sway is stepped every 5 s (lag-1 autocorrelation 0.9 per second, so 0.9^5 per step): the states of a minute
    // are counted in 5 s slices, five times cheaper than per second and finer than the 60 s an alert needs.
    private const int StepSeconds = 5;
    private static readonly double SwayPhi = Math.Pow(0.9, StepSeconds);

    public static SimulatedWeeks Generate(WeeksProfile profile, int seed)
    {
        var anatomy = SeedMixer.Create(seed, SeedMixer.Anatomy);
        var random = SeedMixer.Create(seed, SeedMixer.Noise);
        var habits = WearerHabits.Of(profile.Type).Scaled(anatomy.Uniform(0.85, 1.15));
        double neutralLumbarPitch = anatomy.Uniform(-35, -25);

        var minutes = new List<SimulatedMinute>(profile.Days * profile.WearingHours * 60);
        var bends = new List<SimulatedBend>();
        var neutrals = new List<SimulatedNeutral>();
        var habitual = new double[profile.Days];
        double dayNoise = 0;
        double innovation = profile.DailyVariationDegrees * Math.Sqrt(1 - (profile.DailyAutocorrelation * profile.DailyAutocorrelation));

        for (int day = 0; day < profile.Days; day++)
        {
            dayNoise = day == 0 ? profile.DailyVariationDegrees * random.Gaussian() : (profile.DailyAutocorrelation * dayNoise) + (innovation * random.Gaussian());
            double fraction = profile.EffectFraction(day);
            habitual[day] = profile.StandingInclinationDegrees + dayNoise + (profile.EffectDegrees * fraction);
            double pelvisPlacement = profile.PlacementErrorDegrees * random.Gaussian();
            double lumbarPlacement = profile.PlacementErrorDegrees * random.Gaussian();
            var dayStart = profile.FirstDay.AddDays(day).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
            var dayHabits = habits.Scaled(1 - (profile.PatternReductionAtFullEffect * fraction));
            var day0 = new DayState(dayHabits, random.Gaussian() * 1.5, random.Gaussian() * 1.5);

            SimulatedNeutral Neutral(DateTime time) => new(
                time,
                habitual[day] + pelvisPlacement + (0.3 * random.Gaussian()),
                habitual[day] + neutralLumbarPitch + lumbarPlacement + (0.3 * random.Gaussian()));

            neutrals.Add(Neutral(dayStart.AddMinutes(5)));
            bool walked = false;
            int minute = 0, total = profile.WearingHours * 60;
            var activity = Activity.Sitting;
            while (minute < total)
            {
                (activity, int length) = NextBlock(activity, random);
                for (int i = 0; i < length && minute < total; i++, minute++)
                {
                    var start = dayStart.AddMinutes(minute);
                    minutes.Add(activity switch
                    {
                        Activity.Sitting => PostureMinute(start, sitting: true, day0, random),
                        Activity.Standing => PostureMinute(start, sitting: false, day0, random),
                        Activity.Walking => new(start, 0, 0, 60, 0, 60, 0, 0, 1.5 * random.Gaussian(), random.Gaussian()),
                        Activity.Bending => BendMinute(start, habits, bends, random),
                    });
                }

                if (activity == Activity.Walking && !walked)
                {
                    walked = true;
                    neutrals.Add(Neutral(dayStart.AddMinutes(minute)));
                }
            }
        }

        var truth = new WeeksTruth(
            profile.Type, habits.Pattern, habitual,
            profile.ProgrammeStartDay is int s ? profile.FirstDay.AddDays(s) : null, profile.EffectDegrees, profile.RampDays);
        return new(profile, minutes, bends, neutrals, truth);
    }

    private enum Activity
    {
        Sitting,
        Standing,
        Walking,
        Bending,
    }

    // A day's deviation of each context from the wearer's habit (some days are worse than others).
    private readonly record struct DayState(WearerHabits Habits, double SittingDeviation, double StandingDeviation);

    // Desk days: long sitting blocks, short standing ones, a walk or a few bends in between.
    private static (Activity Activity, int Minutes) NextBlock(Activity previous, Random random) => previous switch
    {
        Activity.Sitting => random.NextDouble() < 0.7 ? (Activity.Standing, random.Next(5, 21)) : (Activity.Walking, random.Next(3, 8)),
        Activity.Standing => random.NextDouble() < 0.3 ? (Activity.Bending, 1) : (Activity.Sitting, random.Next(20, 61)),
        Activity.Walking => (Activity.Standing, random.Next(5, 16)),
        Activity.Bending => (Activity.Standing, random.Next(3, 11)),
    };

    private static SimulatedMinute PostureMinute(DateTime start, bool sitting, DayState day, Random random)
    {
        double habit = sitting ? day.Habits.SittingLordosisDelta : day.Habits.StandingLordosisDelta;
        double mean = habit + (sitting ? day.SittingDeviation : day.StandingDeviation) + (1.5 * random.Gaussian());
        double sway = SwaySd * random.Gaussian();
        double innovation = SwaySd * Math.Sqrt(1 - (SwayPhi * SwayPhi));
        int state = 0; // −1 flattened, +1 hyper-extended, 0 neutral: the hysteresis the detectors apply
        int flat = 0, hyper = 0;
        double sum = 0;
        for (int step = 0; step < 60 / StepSeconds; step++)
        {
            sway = (SwayPhi * sway) + (innovation * random.Gaussian());
            double delta = mean + sway;
            sum += delta;
            state = state switch
            {
                -1 => delta > FlatteningEnd ? 0 : -1,
                1 => delta < HyperEnd ? 0 : 1,
                _ => delta <= FlatteningStart ? -1 : delta >= HyperStart ? 1 : 0,
            };
            flat += state == -1 ? StepSeconds : 0;
            hyper += state == 1 ? StepSeconds : 0;
        }

        double tilt = (sitting ? day.Habits.SittingPelvicTilt : day.Habits.StandingPelvicTilt) + (1.5 * random.Gaussian());
        return new(start, sitting ? 0 : 60, sitting ? 60 : 0, 0, 0, 60 - flat - hyper, flat, hyper, tilt, sum / (60 / StepSeconds));
    }

    private static SimulatedMinute BendMinute(DateTime start, WearerHabits habits, List<SimulatedBend> bends, Random random)
    {
        for (int i = 0; i < 2; i++)
        {
            bool lumbar = random.NextDouble() < habits.LumbarBendProbability;
            double share = lumbar ? random.Uniform(0.61, 0.85) : random.Uniform(0.3, 0.6);
            bends.Add(new(start.AddSeconds(15 + (30 * i)), share, lumbar));
        }

        return new(start, 30, 0, 0, 30, 60, 0, 0, 20 + (5 * random.Gaussian()), random.Gaussian());
    }
}
