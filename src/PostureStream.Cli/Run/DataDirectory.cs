using PostureStream.Cli.Configuration;
using PostureStream.Storage.Files;

namespace PostureStream.Cli.Run;

/// <summary>
/// The data directory of <c>run</c> and <c>calibrate</c> (calibration, spool, the default SQLite store), checked
/// before anything starts: a directory this user cannot write (e.g. owned by root after one <c>sudo</c> run) would
/// otherwise fail only when the first neutral or point is saved, seconds into the run.
/// </summary>
internal static class DataDirectory
{
    /// <summary>Where the neutrals of each device are kept, inside the data directory.</summary>
    public static string CalibrationFolder(string dataDirectory) => Path.Combine(dataDirectory, "calibration");

    /// <summary>Creates the data directory and its calibration folder (0700) if missing and proves both can be written.</summary>
    /// <exception cref="ConfigurationException">One cannot be created or written; the message names the path and the fix.</exception>
    public static void EnsureWritable(string dataDirectory)
    {
        EnsureWritableFolder(dataDirectory, dataDirectory);
        EnsureWritableFolder(CalibrationFolder(dataDirectory), dataDirectory);
    }

    private static void EnsureWritableFolder(string folder, string dataDirectory)
    {
        string probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
        try
        {
            PrivatePaths.CreateFolder(folder);
            PrivatePaths.CreateFile(probe);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string? file = FileInTheWay(folder);
            throw new ConfigurationException(
                file is not null
                    ? $"the data directory {folder} cannot be created: {file} is a file, not a directory; choose another with --data-dir DIR"
                    : $"the data directory {folder} cannot be written ({e.Message}); make it yours again " +
                      $"(e.g. 'sudo chown -R $USER {dataDirectory}') or choose another with --data-dir DIR",
                e);
        }
    }

    /// <summary>The nearest existing part of <paramref name="folder"/> when it is a file rather than a directory.</summary>
    private static string? FileInTheWay(string folder)
    {
        for (string? part = Path.GetFullPath(folder); part is not null; part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part;
            }

            if (Directory.Exists(part))
            {
                return null;
            }
        }

        return null;
    }
}
