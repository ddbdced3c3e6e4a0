namespace PostureStream.Testing;

/// <summary>An observer that keeps everything it is told, for assertions.</summary>
public sealed class Recorder<T> : IObserver<T>
{
    public List<T> Items { get; } = [];

    public Exception? Error { get; private set; }

    public bool Completed { get; private set; }

    public void OnNext(T value) => Items.Add(value);

    public void OnError(Exception error) => Error = error;

    public void OnCompleted() => Completed = true;
}
