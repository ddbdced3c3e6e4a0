namespace PostureStream.Analysis;

/// <summary>Which way a back leans over a range of days.</summary>
public enum BackPattern
{
    /// <summary>Too few days with data to say.</summary>
    NotEnoughData,

    /// <summary>Neither context leans either way.</summary>
    NoClearPattern,

    /// <summary>Flattened (posterior pelvic tilt) in at least one context, hyper-extended in none.</summary>
    Flattening,

    /// <summary>Hyper-extended (anterior pelvic tilt) in at least one context, flattened in none.</summary>
    HyperExtension,

    /// <summary>Flattened in one context and hyper-extended in the other.</summary>
    MixedByContext,
}

/// <summary>Which way one context (sitting or standing) leans.</summary>
public enum ContextLean
{
    /// <summary>Too little time in the context.</summary>
    Unknown,
    Neither,
    Flattened,
    Hyperextended,
}

/// <summary>How strongly the days support the range's pattern.</summary>
public enum PatternSupport
{
    Weak,
    Moderate,
    Strong,
}
