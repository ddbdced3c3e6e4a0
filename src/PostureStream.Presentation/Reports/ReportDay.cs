namespace PostureStream.Presentation.Reports;

/// <summary>
/// The figures of one calendar day in the report's zone. Angle means are null on a day without
/// samples; times are seconds.
/// </summary>
public sealed record ReportDay(
    DateOnly Date,
    double SecondsNeutral,
    double SecondsFlattened,
    double SecondsHyperextended,
    double? MeanPelvicTilt,
    double? MeanLordosisDelta,
    int FlatteningAlerts,
    int HyperextensionAlerts,
    int Bends,
    int LumbarDominantBends,
    double? MeanLumbarShare)
{
    public int Alerts => FlatteningAlerts + HyperextensionAlerts;
}
