using System.Text;
using PostureStream.Storage.Files;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// Checks the file of a <c>sqlite:</c> store before it is opened, so a directory, a file that holds something
/// else or a place nothing can be created is one line naming the path (SQLite itself only says "unable to open
/// database file" or "file is not a database", from deep inside the first write).
/// </summary>
public static class SqliteFileCheck
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Null when <paramref name="path"/> can be a store to write, else what is wrong with it.</summary>
    public static string? ProblemForWriting(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"'{full}' is a directory; give a file in it, e.g. sqlite:{Path.Combine(full, "posturestream.db")}";
        }

        try
        {
            if (File.Exists(full))
            {
                using var existing = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                return HoldsSomethingElse(existing) ? NotADatabase(full) : null;
            }

            // What SQLite would do: create the folder (private: it will hold health data) and the file. The trial file is removed again.
            PrivatePaths.CreateFolder(Path.GetDirectoryName(full)!);
            new FileStream(full, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"'{full}' cannot be opened for writing: {e.Message}";
        }
    }

    /// <summary>The message for a file that is not a SQLite database.</summary>
    public static string NotADatabase(string path) =>
        $"'{path}' is not a SQLite database (it holds something else); give a new file name or a store written by 'posturestream run'";

    /// <summary>An empty file is fine (SQLite makes a database of it); anything else must start with SQLite's header.</summary>
    private static bool HoldsSomethingElse(FileStream file)
    {
        if (file.Length == 0)
        {
            return false;
        }

        var start = new byte[Header.Length];
        int read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return read < Header.Length || !start.AsSpan().SequenceEqual(Header);
    }
}
