namespace PostureStream.Storage.Reports;

/// <summary>One named series of a chart: a value per category (null = no data), drawn with a CSS class.</summary>
internal sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<double?> Values);
