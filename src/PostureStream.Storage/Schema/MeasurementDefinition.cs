namespace PostureStream.Storage.Schema;

/// <summary>A measurement of the schema (Storage README, schema): its name, its tag keys (ordinal order) and its fields.</summary>
public sealed class MeasurementDefinition
{
    public MeasurementDefinition(string name, IReadOnlyList<string> tagKeys, IReadOnlyList<FieldDefinition> fields)
    {
        Name = name;
        TagKeys = tagKeys;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>Tag keys in ordinal order, the order line protocol writes them.</summary>
    public IReadOnlyList<string> TagKeys { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

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
