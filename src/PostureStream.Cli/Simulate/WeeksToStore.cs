using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// Writes simulated weeks into a store through the schema's records, as <c>run</c> would have stored them: a per-minute
/// summary per simulated minute, the bends, each day's standing neutrals (the morning one as a calibration, the one
/// after the first walk as automatic), and the programme with its sessions. The simulated zone is UTC.
/// </summary>
internal static class WeeksToStore
{
    /// <summary>Writes everything; returns the programme recorded (null without one) and the points written.</summary>
    public static async Task<(ProgrammeRow? Programme, int Points)> WriteAsync(
        SimulatedWeeks weeks, SessionPlan plan, IReadOnlyList<SimulatedSession> sessions, DeviceSeries device, ProgrammeBook book, IPointStore store, CancellationToken cancellationToken)
    {
        int points = 0;
        foreach (var m in weeks.Minutes)
        {
            // The simulation carries minute means only: min and max are the mean; 600 samples a minute (10 a second stored).
            points += store.Write(new PostureSummaryRecord(
                device, m.StartUtc, m.SecondsNeutral, m.SecondsFlattened, m.SecondsHyperextended, 0,
                m.SecondsStanding, m.SecondsSitting, m.SecondsWalking, m.SecondsBending, 0,
                m.MeanPelvicTilt, m.MeanPelvicTilt, m.MeanPelvicTilt, m.MeanLordosisDelta, m.MeanLordosisDelta, m.MeanLordosisDelta, 600, 0), StorePacing.Wait) ? 1 : 0;
        }

        foreach (var b in weeks.Bends)
        {
            points += store.Write(new PostureBendRecord(device, b.TimeUtc, 2, 40, 40 * (1 - b.LumbarShare) / b.LumbarShare, b.LumbarShare, b.LumbarDominant), StorePacing.Wait) ? 1 : 0;
        }

        DateOnly? lastDay = null;
        foreach (var n in weeks.Neutrals)
        {
            var day = DateOnly.FromDateTime(n.TimeUtc);
            var method = day == lastDay ? CalibrationMethod.AfterWalking : CalibrationMethod.Command;
            lastDay = day;
            // The automatic neutral is taken from the first 5 quiet seconds after the walk, so it is stamped when they end
            // (which also keeps it apart from the morning one when the day starts with a walk). The simulation has no
            // frontal plane: the rolls are not written.
            var time = method == CalibrationMethod.AfterWalking ? n.TimeUtc.AddSeconds(5) : n.TimeUtc;
            points += store.Write(new PostureNeutralRecord(device, time, Activity.Standing, method, n.LumbarPitch, double.NaN, n.PelvisPitch, double.NaN)) ? 1 : 0;
        }

        if (weeks.Truth.ProgrammeStart is not DateOnly start)
        {
            return (null, points);
        }

        var (name, kind, targets) = ProgrammeFor(weeks.Profile.Type);
        var programme = await book.AddAsync(device, name, kind, targets, start, weeks.Profile.FirstDay.AddDays(weeks.Profile.Days - 1), plan.PerWeek, cancellationToken);
        points++;
        foreach (var s in sessions)
        {
            book.RecordSession(programme, s.TimeUtc, s.Duration, null, SessionSource.Device);
            points++;
        }

        return (programme, points);
    }

    /// <summary>The programme a physiotherapist would typically start for the pattern.</summary>
    public static (string Name, ExerciseKind Kind, string[] Targets) ProgrammeFor(WearerType type) => type switch
    {
        WearerType.TightHamstring => ("hamstring stretches", ExerciseKind.Stretch, ["hamstrings"]),
        WearerType.WeakHamstring => ("hip flexor release, hamstring strength", ExerciseKind.Strengthen, ["hamstrings", "gluteus maximus"]),
        WearerType.Mixed => ("hip flexor stretches", ExerciseKind.Stretch, ["hip flexors", "hamstrings"]),
        WearerType.Balanced => ("general mobility", ExerciseKind.Release, ["hip flexors"]),
    };
}
