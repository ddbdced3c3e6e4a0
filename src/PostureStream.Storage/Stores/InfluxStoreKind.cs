using PostureStream.Storage.Export;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Stores;

/// <summary>InfluxDB 1.x, 2.x and 3.x: <c>influxdb-vN:http(s)://…</c> (<see cref="InfluxWriter"/>, InfluxQL queries and export).</summary>
public sealed class InfluxStoreKind : IStoreKind
{
    public string UriForms => "influxdb-v1:http://HOST:8086?db=D, influxdb-v2:http://HOST:8086?org=O&bucket=B&token=T or influxdb-v3:http://HOST:8181?db=D&token=T";

    public bool Accepts(string storeUri) => InfluxTarget.IsInfluxUri(storeUri);

    public StoreLocation Parse(string storeUri, Func<string, string?>? environment)
    {
        var target = InfluxTarget.Parse(storeUri, environment);
        return new StoreLocation(this, target, target.ToString());
    }

    public IPointStore OpenStore(StoreLocation location, StoreOpenContext context)
    {
        var target = Target(location);
        return new InfluxWriter(target, new InfluxWriterOptions
        {
            SpoolDirectory = context.SpoolRoot is null ? InfluxWriterOptions.DefaultSpoolDirectory(target) : InfluxWriterOptions.SpoolDirectoryUnder(target, context.SpoolRoot),
        }, context.Logger, context.TimeProvider);
    }

    public ITrendQueries OpenQueries(StoreLocation location) => new InfluxTrendQueries(new InfluxQueryClient(Target(location)));

    public IStoredPointSource OpenSource(StoreLocation location) => new InfluxPointSource(new InfluxQueryClient(Target(location)));

    public Programmes.IProgrammeQueries OpenProgrammeQueries(StoreLocation location) => new Programmes.InfluxProgrammeQueries(new InfluxQueryClient(Target(location)));

    private InfluxTarget Target(StoreLocation location) =>
        location.Kind == this && location.Settings is InfluxTarget target
            ? target
            : throw new ArgumentException($"'{location}' is not an InfluxDB location", nameof(location));
}
