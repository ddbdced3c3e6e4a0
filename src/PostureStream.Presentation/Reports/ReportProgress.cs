namespace PostureStream.Presentation.Reports;

/// <summary>How far a report has got: <see cref="Completed"/> of <see cref="Total"/> steps, and the step now running.</summary>
public readonly record struct ReportProgress(int Completed, int Total, string Step);
