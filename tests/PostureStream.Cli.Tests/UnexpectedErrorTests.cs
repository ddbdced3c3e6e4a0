using System.CommandLine;

namespace PostureStream.Cli.Tests;

/// <summary>An exception no command expected is one line and exit 1; the trace only when asked for.</summary>
[Collection(ProcessState.Collection)]
public sealed class UnexpectedErrorTests
{
    private static RootCommand RootWithFailingCommand()
    {
        RootCommand root = Program.CreateRootCommand();
        var failing = new Command("explode", "fails the way a bug would");
        failing.SetAction((_, _) => Task.FromException<int>(new InvalidOperationException("the store answered nonsense\nsecond line of it")));
        root.Subcommands.Add(failing);
        return root;
    }

    [Fact]
    public async Task UnexpectedException_IsOneLineWithRuntimeExitCode()
    {
        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.RunAsync(RootWithFailingCommand(), ["explode"], CancellationToken.None));

        Assert.Equal(ExitCodes.RuntimeFailure, exit);
        Assert.Equal(
            $"posturestream explode: failed: the store answered nonsense second line of it (InvalidOperationException; set {UnexpectedError.TraceVariable}=1 to print where)",
            errors.TrimEnd('\n'));
    }

    [Fact]
    public async Task UnexpectedException_WithTheTraceVariable_PrintsTheStackToo()
    {
        Environment.SetEnvironmentVariable(UnexpectedError.TraceVariable, "1");
        try
        {
            (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.RunAsync(RootWithFailingCommand(), ["explode"], CancellationToken.None));

            Assert.Equal(ExitCodes.RuntimeFailure, exit);
            Assert.StartsWith("posturestream explode: failed: the store answered nonsense", errors, StringComparison.Ordinal);
            Assert.Contains("System.InvalidOperationException: the store answered nonsense", errors, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UnexpectedError.TraceVariable, null);
        }
    }

    [Fact]
    public async Task CancellationTheCallerAskedFor_IsACleanStop()
    {
        using var stop = new CancellationTokenSource();
        RootCommand root = Program.CreateRootCommand();
        var stopping = new Command("stopping", "is stopped while it works");
        stopping.SetAction(async (_, cancel) =>
        {
            await stop.CancelAsync();
            cancel.ThrowIfCancellationRequested();
            return ExitCodes.RuntimeFailure;
        });
        root.Subcommands.Add(stopping);

        (int exit, string errors) = await StandardErrorCapture.RunAsync(() => Program.RunAsync(root, ["stopping"], stop.Token));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(errors);
    }
}
