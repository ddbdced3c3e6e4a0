using PostureStream.Analysis;
using PostureStream.Storage.Programmes;

namespace PostureStream.Presentation.Review;

/// <summary>Stored programme and session rows as the analysis' records.</summary>
internal static class ProgrammeRows
{
    public static Programme ToProgramme(ProgrammeRow row) => new(
        row.DeviceId,
        row.Name,
        row.Kind switch
        {
            ExerciseKind.Release => ProgrammeKind.Release,
            ExerciseKind.Stretch => ProgrammeKind.Stretch,
            ExerciseKind.Strengthen => ProgrammeKind.Strengthen,
        },
        row.Targets,
        row.Start,
        row.End,
        row.SessionsPerWeek);

    public static ProgrammeSession ToSession(SessionRow row) => new(row.DeviceId, row.TimeUtc, row.Duration, row.Note);
}
