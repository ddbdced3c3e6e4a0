using System.CommandLine;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Programmes;

/// <summary>The store and calendar options every <c>programme</c> and <c>session</c> command takes.</summary>
internal sealed class ProgrammeCommandOptions
{
    public Option<string?> Store { get; } = new("--store")
    {
        Description = "the store to record to: sqlite:PATH or influxdb-v1|v2|v3:URL?... (as for run; default: the SQLite file of --data-dir)",
    };

    public Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = $"the data directory whose SQLite file is used without --store (default {DefaultDataDirectory.Description})",
    };

    public Option<string?> Zone { get; } = new("--tz")
    {
        Description = "IANA time zone of the dates and times given and shown (default: this machine's zone)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(DataDirectory);
        command.Options.Add(Zone);
    }
}
