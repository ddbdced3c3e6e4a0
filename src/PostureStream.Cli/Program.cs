using System.CommandLine;
using PostureStream.Cli.Commands;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>
    /// The tool in process: <paramref name="cancellationToken"/> stops a running command as SIGINT would
    /// (a clean flush, exit 0), which is how tests end an unbounded <c>run</c>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("PostureStream: posture monitoring from two IMUs on the lower back");
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create(uri => StoreFactory.OpenQueries(uri)));

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"posturestream: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'posturestream --help' for the commands and their options.");
            return ExitCodes.Usage;
        }

        // Commands handle SIGINT/SIGTERM themselves and exit 0 after a clean flush (DESIGN §8).
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken);
    }
}
