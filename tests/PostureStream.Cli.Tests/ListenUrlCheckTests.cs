using System.Net;
using PostureStream.Cli.Configuration;

namespace PostureStream.Cli.Tests;

public sealed class ListenUrlCheckTests
{
    private static readonly IReadOnlyList<IPAddress> Machine = [IPAddress.Loopback, IPAddress.Parse("10.1.2.3"), IPAddress.Parse("fe80::1")];

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("not a url")] // the dashboard names a malformed URL itself
    public void AddressesOfThisMachine_AreFine(string url) => Assert.Null(ListenUrlCheck.Problem("--listen", url, () => Machine));

    [Fact]
    public void AnAddressOfAnotherMachine_IsNamedWithThoseOfThisOne()
    {
        Assert.Equal(
            "--listen 'http://10.9.9.9:5080': 10.9.9.9 is not an address of this machine; listen on one of 0.0.0.0 (all), 127.0.0.1, 10.1.2.3",
            ListenUrlCheck.Problem("--listen", "http://10.9.9.9:5080", () => Machine));
    }

    [Fact]
    public void AnIpv4MappedAddress_IsToldToBeWrittenAsIpv4()
    {
        Assert.Equal(
            "--dashboard 'http://[::ffff:127.0.0.1]:8080': [::ffff:127.0.0.1] is an IPv4 address written as IPv6; write it as http://127.0.0.1:8080",
            ListenUrlCheck.Problem("--dashboard", "http://[::ffff:127.0.0.1]:8080", () => Machine));
    }

    [Fact]
    public void WhenTheInterfacesCannotBeRead_BindingDecides() =>
        Assert.Null(ListenUrlCheck.Problem("--listen", "http://10.9.9.9:5080", () => []));
}
