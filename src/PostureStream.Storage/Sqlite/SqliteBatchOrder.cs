namespace PostureStream.Storage.Sqlite;

/// <summary>
/// The order a batch is written in: by time, and in arrival order among equal times (so the later
/// of two writes to one series and time still wins). The rows tables are keyed time first, so a
/// batch in time order walks the newest part of each table once, page after page, instead of
/// jumping between pages as interleaved devices that drift apart would make it do.
/// </summary>
internal sealed class SqliteBatchOrder
{
    private Slot[] _slots = [];

    /// <summary>The indices of <paramref name="batch"/> in the order to write them (valid until the next call).</summary>
    public ReadOnlySpan<Slot> Arrange(ReadOnlySpan<SqliteQueuedPoint> batch)
    {
        if (_slots.Length < batch.Length)
        {
            _slots = new Slot[Math.Max(batch.Length, _slots.Length * 2)];
        }

        var slots = _slots.AsSpan(0, batch.Length);
        bool ordered = true;
        long previous = long.MinValue;
        for (int i = 0; i < batch.Length; i++)
        {
            long time = batch[i].UnixNanoseconds;
            ordered &= time >= previous;
            previous = time;
            slots[i] = new Slot(time, i);
        }

        if (!ordered)
        {
            slots.Sort();
        }

        return slots;
    }

    /// <summary>A point's time and its place in the batch (the tie-break that keeps arrival order).</summary>
    internal readonly record struct Slot(long Time, int Index) : IComparable<Slot>
    {
        public int CompareTo(Slot other) => Time != other.Time ? Time.CompareTo(other.Time) : Index.CompareTo(other.Index);
    }
}
