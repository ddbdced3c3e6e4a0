using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Influx;

/// <summary>A batch being filled or waiting to be spooled: a pooled buffer and its encoder.</summary>
internal sealed class BatchBuffer : IDisposable
{
    public BatchBuffer(TimestampPrecision precision)
    {
        Buffer = new LineProtocolBuffer();
        Writer = new LineProtocolWriter(Buffer, precision);
    }

    public LineProtocolBuffer Buffer { get; }

    public LineProtocolWriter Writer { get; }

    /// <summary>Order in which the batch was sealed (1, 2, …).</summary>
    public long Sequence { get; set; }

    public void Reset()
    {
        Buffer.Clear();
        Writer.ResetLineCount();
        Sequence = 0;
    }

    public void Dispose() => Buffer.Dispose();
}
