namespace PostureStream.Storage.Schema;

/// <summary>A measurement of the schema (Storage README, schema): its name, its tag keys (ordinal order) and its fields.</summary>
public sealed class MeasurementDefinition
{
    /// <param name="name">The measurement's name.</param>
    /// <param name="tagKeys">Every tag key, in ordinal order.</param>
    /// <param name="fields">The fields, in the order records hand them over.</param>
    /// <param name="addedTagKeys">Tags added after the measurement was first released (a subset of <paramref name="tagKeys"/>).</param>
    public MeasurementDefinition(string name, IReadOnlyList<string> tagKeys, IReadOnlyList<FieldDefinition> fields, IReadOnlyList<string>? addedTagKeys = null)
    {
        ArgumentNullException.ThrowIfNull(tagKeys);
        if (!tagKeys.SequenceEqual(tagKeys.Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException($"the tag keys of {name} must be in ordinal order (the order line protocol writes them)", nameof(tagKeys));
        }

        addedTagKeys ??= [];
        if (addedTagKeys.Except(tagKeys, StringComparer.Ordinal).FirstOrDefault() is { } stray)
        {
            throw new ArgumentException($"added tag '{stray}' is not a tag of {name}", nameof(addedTagKeys));
        }

        Name = name;
        TagKeys = tagKeys;
        Fields = fields;
        AddedTagKeys = addedTagKeys;
        OriginalTagKeys = [.. tagKeys.Except(addedTagKeys, StringComparer.Ordinal)];
    }

    public string Name { get; }

    /// <summary>Tag keys in ordinal order, the order line protocol writes them.</summary>
    public IReadOnlyList<string> TagKeys { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>
    /// Tags added after the measurement's first release (<c>segment</c>). They are optional (older points and points
    /// they do not apply to have none), and they come after the fields in the SQLite views and last in CSV, so readers
    /// that take the older columns by position see the same columns as before.
    /// </summary>
    public IReadOnlyList<string> AddedTagKeys { get; }

    /// <summary>The tags of the first release, in ordinal order: <see cref="TagKeys"/> without <see cref="AddedTagKeys"/>.</summary>
    public IReadOnlyList<string> OriginalTagKeys { get; }

    /// <summary>The field called <paramref name="name"/>, or null when the measurement has none.</summary>
    public FieldDefinition? FindField(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    public override string ToString() => Name;
}
