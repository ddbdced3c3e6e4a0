namespace PostureStream.Storage.Influx;

/// <summary>A monotonic counter that tasks can await reaching a target.</summary>
internal sealed class ProgressWaiters
{
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private long _value;

    public ProgressWaiters(long initial) => _value = initial;

    public long Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    public Task WaitAsync(long target, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_value >= target)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    public void Advance(long value)
    {
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            if (value <= _value)
            {
                return;
            }

            _value = value;
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= value)
                {
                    (ready ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        ready?.ForEach(done => done.TrySetResult());
    }
}
