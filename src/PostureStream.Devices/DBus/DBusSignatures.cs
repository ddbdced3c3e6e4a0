namespace PostureStream.Devices.DBus;

/// <summary>Walking signatures: complete types, alignment, and the signature of a CLR value.</summary>
public static class DBusSignatures
{
    /// <summary>The D-Bus limit on signature length.</summary>
    public const int MaxLength = 255;

    /// <summary>The length of the single complete type at the start of <paramref name="signature"/>.</summary>
    public static int CompleteTypeLength(ReadOnlySpan<char> signature)
    {
        if (signature.IsEmpty)
        {
            throw new DBusProtocolException("a signature ended where a type was expected");
        }

        switch (signature[0])
        {
            case 'y' or 'b' or 'n' or 'q' or 'i' or 'u' or 'x' or 't' or 'd' or 's' or 'o' or 'g' or 'h' or 'v':
                return 1;
            case 'a':
                return 1 + CompleteTypeLength(signature[1..]);
            case '(':
            case '{':
                char close = signature[0] == '(' ? ')' : '}';
                int at = 1;
                while (at < signature.Length && signature[at] != close)
                {
                    at += CompleteTypeLength(signature[at..]);
                }

                if (at >= signature.Length || at == 1)
                {
                    throw new DBusProtocolException($"unbalanced or empty container in signature '{signature}'");
                }

                return at + 1;
            default:
                throw new DBusProtocolException($"unknown type code '{signature[0]}' in signature '{signature}'");
        }
    }

    /// <summary>Splits a signature into its complete types.</summary>
    public static IReadOnlyList<string> Split(string signature)
    {
        var types = new List<string>();
        int at = 0;
        while (at < signature.Length)
        {
            int length = CompleteTypeLength(signature.AsSpan(at));
            types.Add(signature.Substring(at, length));
            at += length;
        }

        return types;
    }

    /// <summary>The alignment, in bytes, of values of the type starting with <paramref name="typeCode"/>.</summary>
    public static int AlignmentOf(char typeCode) => typeCode switch
    {
        'y' or 'g' or 'v' => 1,
        'n' or 'q' => 2,
        'b' or 'i' or 'u' or 'h' or 's' or 'o' or 'a' => 4,
        'x' or 't' or 'd' or '(' or '{' => 8,
        _ => throw new DBusProtocolException($"unknown type code '{typeCode}'"),
    };

    /// <summary>The signature of a CLR value, for variants built from plain values.</summary>
    public static string Infer(object value) => value switch
    {
        byte => "y",
        bool => "b",
        short => "n",
        ushort => "q",
        int => "i",
        uint => "u",
        long => "x",
        ulong => "t",
        double => "d",
        string => "s",
        DBusObjectPath => "o",
        DBusSignature => "g",
        DBusUnixFd => "h",
        DBusVariant => "v",
        byte[] => "ay",
        string[] => "as",
        DBusObjectPath[] => "ao",
        IDictionary<string, object> => "a{sv}",
        IDictionary<string, DBusVariant> => "a{sv}",
        _ => throw new ArgumentException($"no D-Bus signature is inferred for {value.GetType().Name}; wrap it in a DBusVariant with an explicit signature", nameof(value)),
    };
}
