namespace PostureStream.Storage.Stores;

/// <summary>
/// Where calibration, spools and the default SQLite file live when no --data-dir is given, by each
/// platform's convention: $XDG_DATA_HOME/posturestream (else ~/.local/share/posturestream) on Linux,
/// ~/Library/Application Support/PostureStream on macOS, %LOCALAPPDATA%\PostureStream on Windows.
/// </summary>
public static class DefaultDataDirectory
{
    public const string Description = "$XDG_DATA_HOME/posturestream on Linux, ~/Library/Application Support/PostureStream on macOS, %LOCALAPPDATA%\\PostureStream on Windows";

    public static string Resolve()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PostureStream");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Application Support", "PostureStream");
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(root, "posturestream");
    }
}
