namespace PostureStream.Storage.Influx;

/// <summary>The InfluxDB write API a store URI targets.</summary>
public enum InfluxApiVersion
{
    /// <summary>1.x <c>/write</c>: db, rp, precision n|u|ms|s, basic auth.</summary>
    V1,

    /// <summary>2.x <c>/api/v2/write</c>: org, bucket, precision ns|us|ms|s, <c>Authorization: Token</c>.</summary>
    V2,

    /// <summary>3.x <c>/api/v3/write_lp</c>: db, precision nanosecond|…|second, <c>Authorization: Bearer</c>.</summary>
    V3,
}
