namespace PostureStream.Storage.Files;

/// <summary>
/// Creates the folders (0700) and files (0600) that hold health data, calibration, spools and alerts, readable by
/// this user only. The mode is set explicitly after creation, so a permissive (or odd) umask changes nothing.
/// Existing folders and files keep the mode their owner gave them.
/// </summary>
public static class PrivatePaths
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> and each missing parent as 0700.</summary>
    /// <exception cref="IOException">A part of the path is a file, or cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">A parent cannot be written.</exception>
    public static void CreateFolder(string path)
    {
        var missing = new Stack<string>();
        for (string? folder = Path.GetFullPath(path); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        foreach (string folder in missing)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
                continue;
            }

            Directory.CreateDirectory(folder, FolderMode);
            File.SetUnixFileMode(folder, FolderMode);
        }
    }

    /// <summary>Opens <paramref name="path"/> for appending; a file it creates is 0600.</summary>
    public static FileStream OpenAppend(string path)
    {
        bool existed = File.Exists(path);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        if (!existed && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        }

        return stream;
    }

    /// <summary>Options for a <see cref="FileStream"/> whose file, if it creates one, is 0600.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows() && access != FileAccess.Read)
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Writes a small text file that is 0600 if it is created.</summary>
    public static void WriteText(string path, string text)
    {
        using var file = new FileStream(path, Options(System.IO.FileMode.Create, FileAccess.Write, FileShare.None));
        file.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Creates an empty 0600 file if there is none, so what a library later writes into it stays private.</summary>
    public static void CreateFile(string path)
    {
        if (!File.Exists(path))
        {
            OpenAppend(path).Dispose();
        }
    }

    /// <summary>Narrows a file another library created to 0600 (it is in a 0700 folder already; this keeps it private if moved).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
