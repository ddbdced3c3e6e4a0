using System.Diagnostics;

namespace PostureStream.Vocabulary.Tests;

/// <summary>
/// Compiles the vocabulary's own sources with the SDK's C# compiler and the solution's switch rules (CS8509 an
/// error, CS8524 off), once as they are and once with a third alert kind: the first builds, the second must not.
/// </summary>
public sealed class ExhaustivenessTests
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task VocabularyAsItIs_Compiles()
    {
        (int exitCode, string output) = await CompileAsync(alertKindSource: null);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task ThirdAlertKind_WithoutASpelling_IsACompileError()
    {
        string source = await File.ReadAllTextAsync(Path.Combine(VocabularyFolder(), "AlertKind.cs"));
        string withThird = source.Replace("    Hyperextension,", "    Hyperextension,\n    Kyphosis,", StringComparison.Ordinal);
        Assert.NotEqual(source, withThird);

        (int exitCode, string output) = await CompileAsync(withThird);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("VocabularyText.cs", output, StringComparison.Ordinal);
        Assert.Contains("error CS8509", output, StringComparison.Ordinal);
        Assert.Contains("Kyphosis", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> CompileAsync(string? alertKindSource)
    {
        string work = Directory.CreateTempSubdirectory("vocabulary-compile-").FullName;
        try
        {
            var sources = Directory.GetFiles(VocabularyFolder(), "*.cs").ToList();
            if (alertKindSource is not null)
            {
                sources.RemoveAll(f => Path.GetFileName(f) == "AlertKind.cs");
                string patched = Path.Combine(work, "AlertKind.cs");
                await File.WriteAllTextAsync(patched, alertKindSource);
                sources.Add(patched);
            }

            string usings = Path.Combine(work, "Usings.cs");
            await File.WriteAllTextAsync(usings, "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n");
            sources.Add(usings);

            string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            IEnumerable<string> lines =
            [
                "-nologo", "-noconfig", "-target:library", "-langversion:latest", "-nullable:enable", "-unsafe+",
                "-warnaserror+:CS8509", "-nowarn:CS8524", $"-out:{Path.Combine(work, "Vocabulary.dll")}",
                .. Directory.GetFiles(runtime, "System*.dll").Concat(Directory.GetFiles(runtime, "netstandard.dll"))
                    .Select(r => $"-r:\"{r}\""),
                .. sources.Select(s => $"\"{s}\""),
            ];
            string rsp = Path.Combine(work, "csc.rsp");
            await File.WriteAllLinesAsync(rsp, lines);

            var start = new ProcessStartInfo(DotnetHost(), [CscPath(), $"@{rsp}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var csc = Process.Start(start)!;
            Task<string> stdout = csc.StandardOutput.ReadToEndAsync();
            Task<string> stderr = csc.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(CompileTimeout);
            await csc.WaitForExitAsync(deadline.Token);
            return (csc.ExitCode, await stdout + await stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string VocabularyFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostureStream.sln")))
            {
                return Path.Combine(dir.FullName, "src", "PostureStream.Vocabulary");
            }
        }

        throw new InvalidOperationException("the solution folder is not above " + AppContext.BaseDirectory);
    }

    /// <summary>The dotnet host running this test, and beside it the SDK's compiler (the newest SDK there).</summary>
    private static string DotnetHost() => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
        ? p
        : Path.Combine(DotnetRoot(), "dotnet");

    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static string CscPath()
    {
        string sdk = Path.Combine(DotnetRoot(), "sdk");
        return Directory.GetDirectories(sdk)
            .Select(d => Path.Combine(d, "Roslyn", "bincore", "csc.dll"))
            .Where(File.Exists)
            .OrderBy(p => p, StringComparer.Ordinal)
            .LastOrDefault()
            ?? throw new InvalidOperationException("no C# compiler under " + sdk);
    }
}
