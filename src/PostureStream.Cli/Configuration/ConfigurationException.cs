namespace PostureStream.Cli.Configuration;

/// <summary>A bad configuration value; the message names it and what would be valid (exit code 2).</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationException()
    {
    }
}
