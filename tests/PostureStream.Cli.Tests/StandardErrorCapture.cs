namespace PostureStream.Cli.Tests;

/// <summary>Runs a command in-process with Console.Error captured (tests of the <see cref="ProcessState"/> collection only).</summary>
internal static class StandardErrorCapture
{
    public static async Task<(int Exit, string Errors)> RunAsync(Func<Task<int>> command)
    {
        var errors = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(errors);
        try
        {
            return (await command(), errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
