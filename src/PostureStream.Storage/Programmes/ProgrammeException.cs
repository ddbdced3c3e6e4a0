namespace PostureStream.Storage.Programmes;

/// <summary>A programme or session that cannot be recorded as asked; the message names the bad value and what is valid.</summary>
public sealed class ProgrammeException : Exception
{
    public ProgrammeException()
    {
    }

    public ProgrammeException(string message)
        : base(message)
    {
    }

    public ProgrammeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
