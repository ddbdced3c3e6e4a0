using PostureStream.Presentation.Styling;

namespace PostureStream.Presentation.Reports;

/// <summary>
/// The report's inline stylesheet: the shared palette (the charts carry the same colours as attributes), system fonts only (no web fonts), a light screen layout, and a
/// print layout for A4 with no dark backgrounds and a page break before each section.
/// </summary>
internal static class ReportStyles
{
    /// <summary>The palette's custom properties followed by the report's own rules.</summary>
    public static string Css { get; } = PaletteCss.RootRule + "\n" + Rules + "\n" + Review.ReviewStyles.Css;

    private const string Rules = """
        :root { --rule: #d5dae1; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; margin: 0 auto; max-width: 860px; padding: 24px; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; }
        h2 { font-size: 1.2rem; margin: 0 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
        .meta { color: var(--muted); margin: 0 0 16px; }
        section { margin: 0 0 28px; }
        .chart { width: 100%; height: auto; display: block; }
        .chart .axis { font-size: 11px; }
        .neutral { background: var(--state-neutral); }
        .flattened { background: var(--state-flattened); }
        .hyperextended { background: var(--state-hyperextended); }
        .lumbar { background: var(--bend-lumbar-dominant); }
        .hip { background: var(--bend-hip-hinge); }
        .legend { display: flex; gap: 16px; flex-wrap: wrap; font-size: 0.85rem; color: var(--muted); margin: 4px 0 8px; }
        .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; vertical-align: baseline; }
        .finding { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
        th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: right; }
        td { white-space: nowrap; }
        th:first-child, td:first-child { text-align: left; white-space: normal; }
        thead th { color: var(--muted); font-weight: 600; }
        .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; }
        .summary div { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 10px; }
        .summary b { display: block; font-size: 1.3rem; }
        footer { color: var(--muted); font-size: 0.8rem; margin-top: 24px; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { max-width: none; padding: 0; background: #fff !important; color: #000; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-shadow: none !important; }
          section { break-inside: avoid; }
          section + section { break-before: page; }
          .summary div { border-color: #999; }
        }
        """;
}
