using System.Text.RegularExpressions;

namespace PostureStream.Cli.Configuration;

/// <summary>Hides tokens and passwords in URIs before anything is printed or logged.</summary>
public static partial class SecretMask
{
    public const string Mask = "***";

    /// <summary>The URI with the values of secret parameters and the password of <c>user:password@</c> replaced by <see cref="Mask"/>.</summary>
    public static string Uri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string masked = SecretParameter().Replace(uri, m => m.Groups[1].Value + Mask);
        return UserInfoPassword().Replace(masked, m => m.Groups[1].Value + Mask + "@");
    }

    [GeneratedRegex(@"([?&](?:token|password|pass|pwd|secret)=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    /// <summary>The password of <c>scheme://user:password@host</c>: everything from the first ':' after "//" up to the last '@' of the authority.</summary>
    [GeneratedRegex(@"(://[^/?#@:]*:)[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPassword();
}
