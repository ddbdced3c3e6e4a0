using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests.Support;

/// <summary>A scripted device on a real PTY, a temporary folder and a manual clock, set up and torn down per test.</summary>
public abstract class ScriptedPtyFixture : IAsyncLifetime
{
    protected static readonly HelloMessage Hello = new(0x0123_4567_89AB_CDEF, 1, 2, 3, 100, SensorMask.Both, "lumbar-kit");

    protected TempDirectory Dir { get; } = new();

    protected ManualTimeProvider Time { get; } = new();

    private protected TestPty Pty { get; private set; } = null!;

    private protected ScriptedDevice Device { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Pty = TestPty.Create(Dir.Sub("sensor"));
        Device = new ScriptedDevice(Pty.Master);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Device.DisposeAsync();
        await Pty.DisposeAsync();
        Dir.Dispose();
    }
}
