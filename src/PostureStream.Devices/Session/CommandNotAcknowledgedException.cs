using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>A command got no ACK, neither to the first send nor to its one retry.</summary>
public sealed class CommandNotAcknowledgedException : TimeoutException
{
    public CommandNotAcknowledgedException()
    {
    }

    public CommandNotAcknowledgedException(string message)
        : base(message)
    {
    }

    public CommandNotAcknowledgedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandNotAcknowledgedException(PspMessageType type, ushort seq)
        : base($"{PspMessageTypes.JsonName(type).ToUpperInvariant()} seq {seq} was not acknowledged after one retry")
    {
        CommandType = type;
        Seq = seq;
    }

    public PspMessageType CommandType { get; }

    public ushort Seq { get; }
}
