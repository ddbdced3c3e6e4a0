using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;

namespace PostureStream.Storage.Stores;

/// <summary>An <see cref="InfluxWriter"/> seen as an <see cref="IPointStore"/> (until the writer implements it itself).</summary>
public sealed class InfluxPointStore : IPointStore
{
    public InfluxPointStore(InfluxWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Writer = writer;
    }

    public InfluxWriter Writer { get; }

    public string Description => Writer.Target.ToString();

    public bool Write<T>(in T point)
        where T : struct, IStoredPoint => Writer.Write(in point);

    public Task FlushAsync(CancellationToken cancellationToken) => Writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}
