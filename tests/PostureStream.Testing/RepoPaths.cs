namespace PostureStream.Testing;

/// <summary>Locates files of the repository from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds PostureStream.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostureStream.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no PostureStream.sln above {AppContext.BaseDirectory}");
    }
}
