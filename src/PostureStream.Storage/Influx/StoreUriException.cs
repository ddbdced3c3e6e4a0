namespace PostureStream.Storage.Influx;

/// <summary>
/// A store URI that cannot be used. The message names the bad value and what would be valid;
/// the CLI reports it and exits with the usage code.
/// </summary>
public sealed class StoreUriException : FormatException
{
    public StoreUriException()
    {
    }

    public StoreUriException(string message)
        : base(message)
    {
    }

    public StoreUriException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
