namespace PostureStream.Storage.Stores;

/// <summary>How far a long step at open has come (e.g. rows of a SQLite file moved to a new layout).</summary>
/// <param name="Step">What is being done, e.g. "migrating posture to schema version 2".</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in all (an estimate; Done may end a little short of or past it).</param>
public readonly record struct StoreOpenProgress(string Step, long Done, long Total)
{
    /// <summary>Done as a fraction of Total, 0–1.</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Done / Total, 0, 1);
}
