namespace PostureStream.Presentation.Review;

/// <summary>How <see cref="ReviewHtml"/> looks, the same in the report (inlined) and the dashboard (<c>/review.css</c>).</summary>
public static class ReviewStyles
{
    public const string Css = """
        .review .card { border: 1px solid var(--grid); border-radius: 8px; padding: 0.8rem 1rem; margin: 0.8rem 0; background: #fff; }
        .review h4 { margin: 0 0 0.4rem; }
        .review h5 { margin: 0.8rem 0 0.3rem; font-size: 0.95rem; }
        .pattern-card { border-left: 6px solid var(--programme); }
        .pattern-card .headline { font-weight: 600; }
        .pattern-card .disclaimer { color: var(--muted); font-style: italic; }
        .effect-headline { font-weight: 600; }
        .review table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        .review th, .review td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid var(--grid); vertical-align: top; }
        .review tr[data-verdict="change"] td:nth-child(4) { font-weight: 600; }
        .review .note { color: var(--muted); font-size: 0.85rem; }
        .review meter { width: 6rem; }
        .review svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
        """;
}
