namespace PostureStream.Cli.Commands;

/// <summary>
/// Why a path given as a file cannot be used, in words a user can act on. The operating system's text
/// for a directory opened as a file is "Access denied", which sends people looking for permissions.
/// </summary>
internal static class FileProblem
{
    /// <summary>Checks a path that is about to be written: null when it may be, else what is wrong with it.</summary>
    public static string? BeforeWriting(string path)
    {
        if (DirectoryGivenAsFile(path) is { } problem)
        {
            return problem;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder)
            ? $"the folder '{folder}' of '{path}' does not exist (give a path in an existing folder)"
            : null;
    }

    /// <summary>The message for a directory given where a file belongs; null when <paramref name="path"/> is not one.</summary>
    public static string? DirectoryGivenAsFile(string path) =>
        Directory.Exists(path) ? $"'{path}' is a directory; give the path of a file" : null;

    /// <summary>What went wrong opening <paramref name="path"/> to read it, naming it.</summary>
    public static string DescribeRead(string path, Exception exception) => DirectoryGivenAsFile(path) ?? exception switch
    {
        FileNotFoundException => $"no such file '{path}'",
        DirectoryNotFoundException => $"the folder of '{path}' does not exist",
        UnauthorizedAccessException => $"no permission to read '{path}'",
        _ => $"cannot read '{path}': {exception.Message}",
    };

    /// <summary>What went wrong creating or opening <paramref name="path"/> to write it, naming it.</summary>
    public static string DescribeWrite(string path, Exception exception) => DirectoryGivenAsFile(path) ?? exception switch
    {
        UnauthorizedAccessException => $"no permission to write '{path}'",
        _ => $"cannot write '{path}': {exception.Message}",
    };
}
