using System.Security.Cryptography;
using System.Text;

namespace PostureStream.Dashboard.Security;

/// <summary>The secret a request must carry when the dashboard is reachable from other machines.</summary>
internal sealed class AccessToken
{
    public const int MinimumLength = 16;

    private readonly byte[] expected;

    private AccessToken(string token) => expected = Encoding.UTF8.GetBytes(token);

    /// <summary>Reads the token from the first line of a file; <paramref name="warn"/> hears if other users can read it.</summary>
    public static AccessToken Load(string path, Action<string>? warn = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DashboardConfigurationException($"token file '{path}' cannot be read: {e.Message} (give a readable file whose first line is the token)", e);
        }

        var token = text.Split('\n', 2)[0].Trim();
        if (token.Length < MinimumLength)
        {
            throw new DashboardConfigurationException(
                $"token file '{path}' holds a token of {token.Length} characters; it needs at least {MinimumLength} (e.g. from 'openssl rand -hex 24')");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersCanAccess) != 0)
        {
            warn?.Invoke($"token file '{path}' can be read by other users of this machine; make it private with 'chmod 600 {path}'");
        }

        return new AccessToken(token);
    }

    private const UnixFileMode OthersCanAccess =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Compares in constant time, so response timing does not reveal the token.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(candidate));
}
