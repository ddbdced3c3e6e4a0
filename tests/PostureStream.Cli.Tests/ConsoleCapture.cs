namespace PostureStream.Cli.Tests;

/// <summary>
/// Redirects <see cref="Console.Out"/> and <see cref="Console.Error"/> until disposed, so a test can read what a
/// command printed. Use it only in the <see cref="ProcessState.Collection"/> collection: the console is process-wide.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public ConsoleCapture()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _out.Dispose();
        _error.Dispose();
    }
}
