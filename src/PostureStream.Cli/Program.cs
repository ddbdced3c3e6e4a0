using System.CommandLine;
using PostureStream.Cli.Commands;

namespace PostureStream.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("PostureStream: posture monitoring from two IMUs on the lower back");
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create(DashboardCommand.NoStoreFactory)); // TODO(lead): pass the store's ITrendQueries factory

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

        return await parsed.InvokeAsync();
    }
}
