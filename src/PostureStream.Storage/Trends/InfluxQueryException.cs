namespace PostureStream.Storage.Trends;

/// <summary>An InfluxDB query that the server refused or could not answer.</summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException()
    {
    }

    public InfluxQueryException(string message)
        : base(message)
    {
    }

    public InfluxQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
