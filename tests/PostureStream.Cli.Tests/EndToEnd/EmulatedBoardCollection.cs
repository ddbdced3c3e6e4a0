namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// QEMU keeps a core busy for the whole run (virtual time races ahead of the wall clock): its tests run alone,
/// after the others, so they never slow down tests that measure wall-clock latency (the serial buzz latency).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmulatedBoardCollection
{
    public const string Name = "emulated board";
}
