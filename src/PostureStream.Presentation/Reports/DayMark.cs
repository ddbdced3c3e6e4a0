namespace PostureStream.Presentation.Reports;

/// <summary>What the report's daily charts mark on one day: inside a programme, a programme starting (its name), sessions done.</summary>
internal readonly record struct DayMark(bool InProgramme, string? StartsProgramme, int Sessions);
