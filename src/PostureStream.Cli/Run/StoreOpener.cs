using PostureStream.Cli.Configuration;

namespace PostureStream.Cli.Run;

/// <summary>Opens the configured stores (or the embedded default) for a run.</summary>
internal static class StoreOpener
{
    public static Task<StoreSet> OpenAllAsync(RunSettings settings, string dataDirectory, RunReporter reporter, CancellationToken cancellationToken)
    {
        _ = dataDirectory;
        _ = reporter;
        _ = cancellationToken;
        if (settings.Stores.Count > 0)
        {
            throw new ConfigurationException("stores are wired in the next step");
        }

        return Task.FromResult(new StoreSet([]));
    }
}
