using System.Text.RegularExpressions;

namespace PostureStream.Cli.Configuration;

/// <summary>Hides tokens and passwords in URIs before anything is printed or logged.</summary>
public static partial class SecretMask
{
    public const string Mask = "***";

    public static string Uri(string uri) => SecretParameter().Replace(uri, m => m.Groups[1].Value + Mask);

    [GeneratedRegex(@"([?&](?:token|password|pass|pwd|secret)=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
