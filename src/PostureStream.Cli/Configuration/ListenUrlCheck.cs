using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// Checks a dashboard listen URL (<c>run --dashboard</c>, <c>dashboard --listen</c>) before anything binds it:
/// the address must be one of this machine's, and an IPv4 address must be written as IPv4 (the socket layer
/// answers <c>[::ffff:127.0.0.1]</c> with "Invalid argument" and a stack trace). The URL's form itself is the
/// dashboard's to judge.
/// </summary>
public static class ListenUrlCheck
{
    /// <summary>Null when the address may be listened on (or when the URL is not one this check reads), else why not.</summary>
    public static string? Problem(string option, string url, Func<IReadOnlyList<IPAddress>>? localAddresses = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address))
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return $"{option} '{url}': [{address}] is an IPv4 address written as IPv6; write it as http://{address.MapToIPv4()}:{uri.Port}";
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(address))
        {
            return null;
        }

        IReadOnlyList<IPAddress> mine = (localAddresses ?? AddressesOfThisMachine)();
        if (mine.Count == 0 || mine.Any(a => SameAddress(a, address)))
        {
            return null; // Nothing known about the interfaces: binding will tell.
        }

        string choices = string.Join(", ", mine.Where(a => a.AddressFamily == AddressFamily.InterNetwork).Select(a => a.ToString()).Prepend("0.0.0.0 (all)").Distinct());
        return $"{option} '{url}': {address} is not an address of this machine; listen on one of {choices}";
    }

    private static bool SameAddress(IPAddress a, IPAddress b) => a.GetAddressBytes().AsSpan().SequenceEqual(b.GetAddressBytes());

    private static IReadOnlyList<IPAddress> AddressesOfThisMachine()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
