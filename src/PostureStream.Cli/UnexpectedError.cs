namespace PostureStream.Cli;

/// <summary>
/// The last resort: an exception no command expected becomes one line on stderr and exit code 1. Users see
/// what failed; <c>POSTURESTREAM_TRACE=1</c> adds the stack trace for a bug report.
/// </summary>
internal static class UnexpectedError
{
    public const string TraceVariable = "POSTURESTREAM_TRACE";

    public static async Task<int> ReportAsync(Exception exception, TextWriter errors)
    {
        Exception shown = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        string message = string.Join(' ', shown.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        await errors.WriteLineAsync($"{InvokedCommand.Prefix}: failed: {message} ({shown.GetType().Name}; set {TraceVariable}=1 to print where)");
        if (Environment.GetEnvironmentVariable(TraceVariable) is "1" or "true")
        {
            await errors.WriteLineAsync(shown.ToString());
        }

        return ExitCodes.RuntimeFailure;
    }
}
