using Microsoft.Data.Sqlite;
using PostureStream.Cli.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Trends;

namespace PostureStream.Cli.Programmes;

/// <summary>
/// The store a <c>programme</c>, <c>session</c> or <c>simulate-weeks</c> command records to: <c>--store URI</c>, or the
/// embedded SQLite file of <c>--data-dir</c> (as <c>run</c> without <c>--store</c>), opened for writing and for reading
/// back programmes and devices. A bad URI or an unusable file is exit 2 with a message naming it.
/// </summary>
internal sealed class ProgrammeStoreAccess : IAsyncDisposable
{
    private ProgrammeStoreAccess(string shown, IPointStore store, IProgrammeQueries programmes, ITrendQueries trends, TimeZoneInfo zone)
    {
        Shown = shown;
        Store = store;
        Programmes = programmes;
        Trends = trends;
        Book = new ProgrammeBook(programmes, store, zone);
    }

    /// <summary>The store URI with secrets masked, for messages.</summary>
    public string Shown { get; }

    public IPointStore Store { get; }

    public IProgrammeQueries Programmes { get; }

    public ITrendQueries Trends { get; }

    public ProgrammeBook Book { get; }

    /// <summary>The URI to use: <paramref name="storeUri"/>, else the data directory's SQLite file.</summary>
    public static string UriFor(string? storeUri, string? dataDirectory) =>
        storeUri ?? StoreOpener.DefaultStoreUri(dataDirectory ?? DefaultDataDirectory.Resolve());

    /// <summary>Opens the store, or returns null with the message and exit code of why it cannot be.</summary>
    public static (ProgrammeStoreAccess? Access, string? Error, int Exit) Open(string storeUri, TimeZoneInfo zone, TimeProvider time, bool mustExist)
    {
        string shown = SecretMask.Uri(storeUri);
        IPointStore? store = null;
        try
        {
            var location = StoreFactory.Parse(storeUri);
            if (location.SqlitePath is { } path)
            {
                if (Directory.Exists(path))
                {
                    return (null, $"--store '{shown}': '{path}' is a directory; give the database file in it, e.g. sqlite:{Path.Combine(path, "posturestream.db")}", ExitCodes.Usage);
                }

                if (mustExist && !File.Exists(path))
                {
                    return (null, $"--store '{shown}': no such file '{path}' (give the file 'run' writes, by default sqlite:{Path.Combine(DefaultDataDirectory.Resolve(), "posturestream.db")}, or --data-dir DIR)", ExitCodes.Usage);
                }

                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }
            }

            store = StoreFactory.OpenStore(location, new StoreOpenContext(null, time, null, 1));
            return (new ProgrammeStoreAccess(shown, store, StoreFactory.OpenProgrammeQueries(location), StoreFactory.OpenQueries(location), zone), null, ExitCodes.Ok);
        }
        catch (StoreUriException e)
        {
            return (null, e.Message, ExitCodes.Usage);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (null, $"cannot open {shown}: {e.Message}", e is SqliteException or InvalidOperationException ? ExitCodes.RuntimeFailure : ExitCodes.Usage);
        }
    }

    /// <summary>Everything written so far is stored (an InfluxDB that does not answer fails after <paramref name="patience"/>).</summary>
    public async Task FlushAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(patience);
        await Store.FlushAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        (Programmes as IDisposable)?.Dispose();
        (Trends as IDisposable)?.Dispose();
        await Store.DisposeAsync();
    }
}
