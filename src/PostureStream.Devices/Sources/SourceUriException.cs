namespace PostureStream.Devices.Sources;

/// <summary>A source URI that cannot be understood; the message names the bad value and what is valid.</summary>
public sealed class SourceUriException : FormatException
{
    public SourceUriException()
    {
    }

    public SourceUriException(string message)
        : base(message)
    {
    }

    public SourceUriException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
