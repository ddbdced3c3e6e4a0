namespace PostureStream.Storage.Schema;

/// <summary>One field of a measurement: its name and the type it always has.</summary>
public sealed record FieldDefinition(string Name, FieldType Type);
