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
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(CreateRootCommand(), args, cancellationToken);

    internal static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("PostureStream: posture monitoring from two IMUs on the lower back");
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create(uri => StoreFactory.OpenQueries(uri), uri => StoreFactory.OpenProgrammeQueries(StoreFactory.Parse(uri))));
        root.Subcommands.Add(ProgrammeCommand.Create());
        root.Subcommands.Add(SessionCommand.Create());
        root.Subcommands.Add(SimulateWeeksCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and invokes: a mistake on the command line is exit 2 with one line per mistake; an exception no
    /// command expected is one line and exit 1, never a stack trace (<see cref="UnexpectedError"/>).
    /// </summary>
    internal static async Task<int> RunAsync(RootCommand root, string[] args, CancellationToken cancellationToken)
    {
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (string line in UsageErrors.Describe(parsed))
            {
                await Console.Error.WriteLineAsync(line);
            }

            return ExitCodes.Usage;
        }

        if (parsed.CommandResult.Command is not RootCommand)
        {
            InvokedCommand.Set(parsed.CommandResult.Command.Name);
        }

        try
        {
            // Commands handle SIGINT/SIGTERM themselves and exit 0 after a clean flush, so the parser must not.
            return await parsed.InvokeAsync(
                new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok; // Stopped as asked, like SIGINT.
        }
        catch (Exception e)
        {
            return await UnexpectedError.ReportAsync(e, Console.Error);
        }
    }
}
