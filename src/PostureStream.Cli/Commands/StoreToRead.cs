using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using PostureStream.Cli.Configuration;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Commands;

/// <summary>
/// Opens the <c>--store</c> of a command that reads (<c>report</c>, <c>export</c>, <c>dashboard</c>). A store
/// that cannot be one — a bad URI, a missing file, a directory, a file that is not a database — is exit 2
/// with one line naming it; a store that fails for another reason is exit 1.
/// </summary>
internal static class StoreToRead
{
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static bool TryOpen<T>(string storeUri, Func<string, T> open, [NotNullWhen(true)] out T? store, out int exitCode, [NotNullWhen(false)] out string? error)
        where T : class
    {
        store = null;
        exitCode = ExitCodes.Usage;
        string shown = SecretMask.Uri(storeUri);
        string? path = null;
        try
        {
            path = StoreFactory.Parse(storeUri).SqlitePath;
            if (path is not null && FileProblem.DirectoryGivenAsFile(path) is not null)
            {
                error = $"--store '{shown}': '{path}' is a directory; give the database file in it, e.g. sqlite:{Path.Combine(path, "posturestream.db")}";
                return false;
            }

            store = open(storeUri);
            error = null;
            return true;
        }
        catch (StoreUriException e)
        {
            error = e.Message;
        }
        catch (FileNotFoundException)
        {
            error = $"--store '{shown}': no such file '{path}' (give the file 'run' writes, by default sqlite:{SqliteStore.DefaultPath()})";
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteNotADatabase)
        {
            error = $"--store '{shown}': {SqliteFileCheck.NotADatabase(path ?? storeUri)}";
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCannotOpen)
        {
            error = $"--store '{shown}': cannot open '{path}' (is it readable?)";
        }
        catch (Exception e) when (e is InvalidOperationException or SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            exitCode = e is UnauthorizedAccessException or ArgumentException ? ExitCodes.Usage : ExitCodes.RuntimeFailure;
            error = $"cannot open {shown}: {e.Message}";
        }

        return false;
    }
}
