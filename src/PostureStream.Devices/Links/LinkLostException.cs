namespace PostureStream.Devices.Links;

/// <summary>An open link broke: the device was unplugged, hung up, or the connection dropped.</summary>
public sealed class LinkLostException : IOException
{
    public LinkLostException()
    {
    }

    public LinkLostException(string message)
        : base(message)
    {
    }

    public LinkLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
