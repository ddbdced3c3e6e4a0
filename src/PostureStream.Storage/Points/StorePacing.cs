namespace PostureStream.Storage.Points;

/// <summary>
/// What a store does with a point it cannot take right away because it is behind (its memory queue
/// is full). Chosen per source: a source that can be slowed waits, a live one must not.
/// </summary>
public enum StorePacing
{
    /// <summary>
    /// The point goes to the store's disk queue and is stored when the store catches up; the caller
    /// never waits. For live sources (serial, tcp, ble), whose kernel buffers would overflow if the
    /// reader stopped. Only a full disk queue loses points, and they are counted.
    /// </summary>
    Spill,

    /// <summary>
    /// The caller waits until there is room: the source is read at the store's pace and nothing is
    /// lost. For <c>file:</c> and <c>sim:</c> sources, which can simply be read more slowly.
    /// </summary>
    Wait,
}
