namespace PostureStream.Devices.Tests.Ble;

/// <summary>Awaiting with a generous timeout, so a broken test fails instead of hanging.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static Task<T> For<T>(Task<T> task) => task.WaitAsync(Timeout);

    public static Task For(Task task) => task.WaitAsync(Timeout);
}
