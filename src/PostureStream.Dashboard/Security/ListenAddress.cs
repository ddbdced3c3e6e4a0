using System.Net;

namespace PostureStream.Dashboard.Security;

/// <summary>A parsed listen URL: where Kestrel binds and whether only this machine can reach it.</summary>
internal sealed record ListenAddress(IPAddress Address, int Port, bool IsLoopback)
{
    public static ListenAddress Parse(string url)
    {
        const string valid = "give http://ADDRESS:PORT with an IP address or localhost, e.g. http://127.0.0.1:5080 or http://0.0.0.0:5080";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new DashboardConfigurationException($"listen URL '{url}' is not usable: {valid}");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new DashboardConfigurationException($"listen URL '{url}' has a path, query or user: {valid}");
        }

        IPAddress address;
        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
        {
            address = IPAddress.Loopback; // localhost
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out address!))
        {
            throw new DashboardConfigurationException($"listen URL '{url}' names host '{uri.Host}', which is not an IP address: {valid}");
        }

        return new ListenAddress(address, uri.Port, IPAddress.IsLoopback(address));
    }
}
