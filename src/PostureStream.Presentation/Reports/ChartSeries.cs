namespace PostureStream.Presentation.Reports;

/// <summary>
/// One named series of a report chart: a value per day (null = no data), drawn in <paramref name="Colour"/>
/// (from the palette); <paramref name="CssClass"/> names it for the legend swatch and for readers of the HTML.
/// </summary>
internal sealed record ChartSeries(string Name, string CssClass, string Colour, IReadOnlyList<double?> Values);
