namespace PostureStream.Cli;

/// <summary>Process exit codes (see README.md, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Done; also after SIGINT/SIGTERM once everything was flushed.</summary>
    public const int Ok = 0;

    /// <summary>Something failed while working (a store that broke, a link that failed, an unexpected error).</summary>
    public const int RuntimeFailure = 1;

    /// <summary>A mistake in the command line or the configuration, found at start-up, before anything was written.</summary>
    public const int Usage = 2;
}
