namespace PostureStream.Dashboard;

/// <summary>
/// The dashboard was asked to start in a way it refuses (bad listen URL, a non-loopback address
/// without a token, an unreadable token file). The message names the value and what is valid;
/// the CLI exits with the usage code.
/// </summary>
public sealed class DashboardConfigurationException : Exception
{
    public DashboardConfigurationException()
    {
    }

    public DashboardConfigurationException(string message)
        : base(message)
    {
    }

    public DashboardConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the address could not be bound (the port is taken): a service may carry on without the dashboard.</summary>
    public bool AddressUnavailable { get; init; }
}
