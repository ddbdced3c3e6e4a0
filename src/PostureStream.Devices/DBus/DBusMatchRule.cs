using System.Text;

namespace PostureStream.Devices.DBus;

/// <summary>
/// A signal match rule, sent to the bus with AddMatch and checked again locally to route signals to
/// their handlers. <see cref="Sender"/> is only checked by the bus (signals carry the sender's unique
/// name, not the well-known one).
/// </summary>
public sealed record DBusMatchRule
{
    public string? Sender { get; init; }

    public string? Interface { get; init; }

    public string? Member { get; init; }

    public DBusObjectPath? Path { get; init; }

    /// <summary>Matches the path itself and every path below it.</summary>
    public DBusObjectPath? PathNamespace { get; init; }

    /// <summary>The first body argument, when it is a string.</summary>
    public string? Arg0 { get; init; }

    public bool Matches(DBusMessage message)
    {
        if (message.Type != DBusMessageType.Signal)
        {
            return false;
        }

        if ((Interface is not null && Interface != message.Interface) || (Member is not null && Member != message.Member))
        {
            return false;
        }

        string path = message.Path?.Value ?? "";
        if (Path is { } exact && exact.Value != path)
        {
            return false;
        }

        if (PathNamespace is { } ns && !(ns.Value == "/" || path == ns.Value || path.StartsWith(ns.Value + "/", StringComparison.Ordinal)))
        {
            return false;
        }

        return Arg0 is null || (message.Body.Count > 0 && message.Body[0] is string arg0 && arg0 == Arg0);
    }

    public override string ToString()
    {
        var rule = new StringBuilder("type='signal'");
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                rule.Append(',').Append(key).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
            }
        }

        Add("sender", Sender);
        Add("interface", Interface);
        Add("member", Member);
        Add("path", Path?.Value);
        Add("path_namespace", PathNamespace?.Value);
        Add("arg0", Arg0);
        return rule.ToString();
    }
}
