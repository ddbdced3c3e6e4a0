using PostureStream.Cli.Commands;
using PostureStream.Devices.Sources;
using PostureStream.Storage.Files;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// What <c>run</c> checks on the machine before it opens anything: the files it will read and write and the
/// address the dashboard will listen on. A mistake here is exit 2 with the value named, never a stack trace later.
/// </summary>
public static class StartupChecks
{
    /// <exception cref="ConfigurationException">The first value that cannot work, and what would.</exception>
    public static void Check(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (SourceSettings source in settings.Sources)
        {
            if (SourceFileProblem(source.Uri) is { } problem)
            {
                throw new ConfigurationException($"--source '{source.Uri}': {problem}");
            }
        }

        foreach (string store in settings.Stores)
        {
            if (SqlitePathOf(store) is { } path && SqliteFileCheck.ProblemForWriting(path) is { } problem)
            {
                throw new ConfigurationException($"--store '{store}': {problem}");
            }
        }

        if (settings.AlertsOut is { } alerts && alerts != "-" && AlertsFileProblem(alerts) is { } alertsProblem)
        {
            throw new ConfigurationException($"--alerts-out: {alertsProblem} (or '-' for stdout)");
        }

        if (!settings.NoDashboard && ListenUrlCheck.Problem("--dashboard", settings.Dashboard) is { } listenProblem)
        {
            throw new ConfigurationException(listenProblem);
        }
    }

    /// <summary>A capture to read or a <c>record=</c> file to write that is a directory; other source mistakes are the source parser's to name.</summary>
    private static string? SourceFileProblem(string uri)
    {
        try
        {
            SourceSpec spec = SourceUri.Parse(uri);
            return (spec.Transport == Transport.File ? FileProblem.DirectoryGivenAsFile(spec.Target) : null)
                ?? (spec.RecordPath is { } record ? FileProblem.DirectoryGivenAsFile(record) : null);
        }
        catch (SourceUriException)
        {
            return null;
        }
    }

    /// <summary>The file of a <c>sqlite:</c> store; null for other stores and for URIs the store parser will reject with its own message.</summary>
    private static string? SqlitePathOf(string storeUri)
    {
        try
        {
            return StoreFactory.Parse(storeUri).SqlitePath;
        }
        catch (StoreUriException)
        {
            return null;
        }
    }

    /// <summary>The alerts file is appended to: it must be (or become) a file that can be opened that way.</summary>
    private static string? AlertsFileProblem(string path)
    {
        if (FileProblem.DirectoryGivenAsFile(path) is { } problem)
        {
            return problem;
        }

        try
        {
            // What the alerts writer does next: create the folder (0700), open for append (an empty 0600 file).
            PrivatePaths.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            PrivatePaths.OpenAppend(path).Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileProblem.DescribeWrite(path, e);
        }
    }
}
