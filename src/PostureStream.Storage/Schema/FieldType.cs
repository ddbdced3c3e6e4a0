namespace PostureStream.Storage.Schema;

/// <summary>The type a field keeps forever (InfluxDB rejects a later change of type).</summary>
public enum FieldType
{
    /// <summary>64-bit float (line protocol: plain number).</summary>
    Float,

    /// <summary>64-bit signed integer (line protocol: number with an <c>i</c> suffix).</summary>
    Integer,

    /// <summary>UTF-8 string (line protocol: double-quoted).</summary>
    String,

    /// <summary>Boolean (line protocol: <c>true</c>/<c>false</c>).</summary>
    Boolean,
}
