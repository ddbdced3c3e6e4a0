namespace PostureStream.Simulation.Weeks;

/// <summary>The pattern a simulated multi-week wearer has (the ground truth the pattern summary is scored against).</summary>
public enum WearerType
{
    /// <summary>Tight hamstrings: flattened when sitting and standing, bends mostly from the lower back.</summary>
    TightHamstring,

    /// <summary>Weak hamstrings, tight hip flexors: arched when standing and sitting, bends from the hips.</summary>
    WeakHamstring,

    /// <summary>Flat when sitting, arched when standing.</summary>
    Mixed,

    /// <summary>No pattern: small excursions either way.</summary>
    Balanced,
}
