using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PostureStream.Cli.Commands;

/// <summary>
/// What the command-line parser rejected, said in the tool's words: one line per mistake naming the bad
/// value and what would be valid. The parser's own texts name .NET types ("System.Int32") and, for an
/// unknown command, first complain that no command was given.
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        if (command is RootCommand root)
        {
            return [DescribeAtRoot(parsed, root)];
        }

        string prefix = $"posturestream {command.Name}: ";
        List<string> lines = [.. parsed.Errors.Select(e => prefix + Describe(e)).Distinct(StringComparer.Ordinal)];
        lines[^1] += $" (see 'posturestream {command.Name} --help')";
        return lines;
    }

    private static string DescribeAtRoot(ParseResult parsed, RootCommand root)
    {
        string commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
        string? first = parsed.UnmatchedTokens.FirstOrDefault();
        return first switch
        {
            null => $"posturestream: no command given; give one of {commands} ('posturestream --help' describes them)",
            _ when first.StartsWith('-') => $"posturestream: unknown option '{first}'; start with a command, one of {commands} ('posturestream --help' describes them)",
            _ => $"posturestream: unknown command '{first}'; the commands are {commands} ('posturestream --help' describes them)",
        };
    }

    private static string Describe(ParseError error)
    {
        OptionResult? option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
        if (option is not null && NumberKind(option.Option.ValueType) is { } kind)
        {
            string? bad = option.Tokens.Select(t => t.Value).FirstOrDefault(v => !Parses(option.Option.ValueType, v));
            if (bad is not null)
            {
                return $"{option.Option.Name} '{bad}' is not {kind}";
            }
        }

        return error.Message;
    }

    private static string? NumberKind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => "a whole number from -2147483648 to 2147483647",
        var t when t == typeof(uint) => "a whole number from 0 to 4294967295",
        var t when t == typeof(double) => "a number such as 0.01 (with '.' for decimals)",
        _ => null,
    };

    private static bool Parses(Type type, string text) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(uint) => uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => true,
    };
}
