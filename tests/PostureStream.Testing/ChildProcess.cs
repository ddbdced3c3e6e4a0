using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PostureStream.Testing;

/// <summary>
/// A program a test runs beside itself (a server on 127.0.0.1, the <c>posturestream</c> tool): its stdout and
/// stderr are kept for assertions and failure messages, and disposing it kills what is still running, so a
/// failed test leaves no process behind.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int MaxKeptChars = 256 * 1024;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="configure">Adjusts the start (e.g. the environment the program sees) before it starts.</param>
    public ChildProcess(string fileName, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        configure?.Invoke(start);

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        _process.OutputDataReceived += (_, e) => Append(e.Data, _standardOutput);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, _standardError);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Stdout and stderr interleaved as they arrived.</summary>
    public string Output => Read(_output);

    public string StandardOutput => Read(_standardOutput);

    public string StandardError => Read(_standardError);

    /// <summary>The first line the program printed on stdout (e.g. the PTY path of <c>simulate --out pty</c>).</summary>
    public async Task<string> FirstOutputLineAsync(TimeSpan timeout)
    {
        Task exited = _process.WaitForExitAsync();
        Task first = await Task.WhenAny(_firstLine.Task, exited).WaitAsync(timeout);
        return first == _firstLine.Task
            ? await _firstLine.Task
            : throw new InvalidOperationException($"{Describe()} exited with {_process.ExitCode} before printing a line:\n{Output}");
    }

    /// <summary>Waits for the program to exit (and its output to be read to the end) and returns its exit code.</summary>
    /// <exception cref="TimeoutException">It is still running after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Describe()} still runs after {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM and returns the exit code of the clean exit that should follow.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Sends SIGTERM and waits for the exit, killing the program if it takes more than 15 s.</summary>
    public async Task StopAsync()
    {
        try
        {
            await TerminateAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private string Describe() => $"{Path.GetFileName(_process.StartInfo.FileName)} {string.Join(' ', _process.StartInfo.ArgumentList)}";

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private void Append(string? line, StringBuilder stream)
    {
        if (line is null)
        {
            return;
        }

        if (stream == _standardOutput)
        {
            _firstLine.TrySetResult(line);
        }

        foreach (StringBuilder text in new[] { stream, _output })
        {
            lock (text)
            {
                if (text.Length < MaxKeptChars)
                {
                    text.AppendLine(line);
                }
            }
        }
    }
}
