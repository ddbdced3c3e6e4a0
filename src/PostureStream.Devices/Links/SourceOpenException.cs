namespace PostureStream.Devices.Links;

/// <summary>Why a source could not be opened.</summary>
public enum SourceOpenFailure
{
    Other = 0,
    NotFound,
    PermissionDenied,
    Busy,
    NotASerialPort,
    UnsupportedBaudRate,
    Unreachable,
    NoDeviceAnswered,
}

/// <summary>
/// A source could not be opened. The message is written for the user: it names the bad value and what
/// would work (the ports that exist, the group that grants access, the supported baud rates). The command
/// line reports it without a stack trace and exits with code 2 (README, using it).
/// </summary>
public sealed class SourceOpenException : IOException
{
    public SourceOpenException()
    {
    }

    public SourceOpenException(string message)
        : base(message)
    {
    }

    public SourceOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceOpenException(SourceOpenFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public SourceOpenFailure Failure { get; }
}
