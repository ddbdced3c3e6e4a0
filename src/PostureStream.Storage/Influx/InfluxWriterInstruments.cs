using System.Diagnostics.Metrics;

namespace PostureStream.Storage.Influx;

/// <summary>
/// The writer's counters as System.Diagnostics.Metrics instruments (meter
/// <c>PostureStream.Storage.Influx</c>, tag <c>target</c> = the masked store URI), for
/// dotnet-counters or OpenTelemetry. The backlog gauge is the one to alert on.
/// </summary>
internal sealed class InfluxWriterInstruments : IDisposable
{
    public const string MeterName = "PostureStream.Storage.Influx";

    private readonly Meter _meter = new(MeterName);

    public InfluxWriterInstruments(InfluxWriter writer)
    {
        var target = new KeyValuePair<string, object?>("target", writer.Target.ToString());
        _meter.CreateObservableGauge("posturestream.influx.backlog", () => new Measurement<long>(writer.Metrics.BacklogLines, target), "{line}", "Lines spooled and not yet accepted by the server");
        _meter.CreateObservableGauge("posturestream.influx.spool.size", () => new Measurement<long>(writer.Metrics.SpoolBytes, target), "By", "Bytes of spool files on disk");
        _meter.CreateObservableCounter("posturestream.influx.lines.sent", () => new Measurement<long>(writer.Metrics.LinesSent, target), "{line}", "Lines the server accepted");
        _meter.CreateObservableCounter("posturestream.influx.lines.dead_lettered", () => new Measurement<long>(writer.Metrics.LinesDeadLettered, target), "{line}", "Lines the server rejected (in the dead-letter file)");
        _meter.CreateObservableCounter("posturestream.influx.lines.quarantined", () => new Measurement<long>(writer.Metrics.LinesQuarantined, target), "{line}", "Lines of poison batches (in the quarantine file)");
        _meter.CreateObservableCounter("posturestream.influx.lines.dropped", () => new Measurement<long>(writer.Metrics.LinesDroppedSpoolFull, target), "{line}", "Lines refused because the spool was full");
        _meter.CreateObservableCounter("posturestream.influx.retries", () => new Measurement<long>(writer.Metrics.Retries, target), "{request}", "Requests retried");
    }

    public void Dispose() => _meter.Dispose();
}
