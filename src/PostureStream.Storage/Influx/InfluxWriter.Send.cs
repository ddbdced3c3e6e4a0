using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Spool;

namespace PostureStream.Storage.Influx;

/// <summary>
/// The sending side: reads the oldest batch in the spool (one request in flight), and acknowledges
/// it once every line of it was accepted or set aside. How each answer is handled:
/// <list type="bullet">
/// <item>2xx: done.</item>
/// <item>413: split in halves, recursively; a single line still too large is dead-lettered.</item>
/// <item>401, 403, 404: a setting is wrong; an error names it, the data stays, retried every MaxRetryDelay.</item>
/// <item>Other 4xx: dead-lettered (the server has decided; a partial-write 400 stored the valid lines).</item>
/// <item>Network errors, timeouts, 408, 429, 5xx: retried with backoff. After every
/// QuarantineAfterFailures 5xx answers or timeouts, later batches are tried: if one is accepted, the
/// store works and the failing lines are a poison batch (narrowed down by halving, then quarantined);
/// if none is, the store is failing as a whole and everything waits in the spool.</item>
/// </list>
/// A dead-letter or quarantine file that is full keeps the batch in the spool with an error.
/// </summary>
public sealed partial class InfluxWriter
{
    // Touched by the send loop only.
    private StoreState _state;

    /// <summary>What the user was last told about the store.</summary>
    private enum StoreState
    {
        Unknown,
        Accepting,
        Failing,
        Misconfigured,
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        using var body = new LineProtocolBuffer();
        using var probe = new LineProtocolBuffer();
        while (!stop.IsCancellationRequested)
        {
            body.Clear();
            if (!_spool.TryRead(_options.BatchSize, _options.MaxBatchBytes, body, out SpoolReadResult read))
            {
                await _spooled.WaitAsync(stop);
                continue;
            }

            try
            {
                await DeliverAsync(body.WrittenMemory, read.Lines, new SpoolHead(read, probe), stop);
                _spool.Acknowledge(read);
                _acknowledged.Advance(_spool.AcknowledgedRecords);
            }
            catch (IOException e)
            {
                // The dead-letter, quarantine or ack file could not be written: keep the batch and try again.
                _warnings.Log(WarningKind.SendLoopFailed, log => InfluxWriterLog.SendLoopFailed(log, _target, e.Message));
                await Task.Delay(_options.MaxRetryDelay, _time, stop);
            }
        }
    }

    /// <summary>Returns once the lines were accepted or set aside; only cancellation ends it otherwise.</summary>
    private async Task DeliverAsync(ReadOnlyMemory<byte> lines, int lineCount, SpoolHead head, CancellationToken stop)
    {
        int batchFailures = 0;
        for (int attempt = 0; ; attempt++)
        {
            var outcome = await PostAsync(lines, stop);
            TimeSpan delay;
            switch (outcome.Kind)
            {
                case WriteOutcomeKind.Accepted:
                    Delivered(lineCount);
                    return;
                case WriteOutcomeKind.TooLarge when lineCount > 1:
                    MarkAccepting();
                    InfluxWriterLog.Splitting(_logger, _target, lineCount);
                    await ForEachHalfAsync(lines, lineCount, (part, count) => DeliverAsync(part, count, head, stop));
                    return;
                case WriteOutcomeKind.TooLarge:
                case WriteOutcomeKind.Rejected:
                    MarkAccepting();
                    if (TryDeadLetter(lines.Span, lineCount, outcome))
                    {
                        return;
                    }

                    delay = _options.MaxRetryDelay;
                    break;
                case WriteOutcomeKind.ConfigurationError:
                    MarkMisconfigured(outcome);
                    delay = _options.MaxRetryDelay;
                    break;
                default:
                    if (outcome.BatchMayBeTheCause && ++batchFailures % _options.QuarantineAfterFailures == 0)
                    {
                        if (await LaterBatchAcceptedAsync(head, stop))
                        {
                            if (lineCount > 1)
                            {
                                await ForEachHalfAsync(lines, lineCount, (part, count) => IsolateAsync(part, count, head, stop));
                                return;
                            }

                            if (TryQuarantine(lines.Span, batchFailures, outcome))
                            {
                                return;
                            }

                            delay = _options.MaxRetryDelay;
                            break;
                        }

                        // Later batches fail too: the store itself is failing.
                        MarkFailing(outcome);
                    }
                    else if (!outcome.BatchMayBeTheCause)
                    {
                        MarkFailing(outcome);
                    }

                    delay = RetryDelay(attempt, outcome.RetryAfter);
                    Interlocked.Increment(ref _retries);
                    Interlocked.Exchange(ref _lastRetryDelayTicks, delay.Ticks);
                    InfluxWriterLog.Retrying(_logger, _target, delay, outcome.Describe());
                    break;
            }

            await Task.Delay(delay, _time, stop);
        }
    }

    /// <summary>
    /// Narrows down a poison chunk while the store is known to work: a part is tried once and split
    /// again if it fails with a 5xx or timeout; a single line, or any other answer, goes through
    /// <see cref="DeliverAsync"/>, so a line is quarantined only after failing there again while later data is accepted.
    /// </summary>
    private async Task IsolateAsync(ReadOnlyMemory<byte> lines, int lineCount, SpoolHead head, CancellationToken stop)
    {
        var outcome = await PostAsync(lines, stop);
        if (outcome.Kind == WriteOutcomeKind.Accepted)
        {
            Delivered(lineCount);
        }
        else if (outcome.BatchMayBeTheCause && lineCount > 1)
        {
            await ForEachHalfAsync(lines, lineCount, (part, count) => IsolateAsync(part, count, head, stop));
        }
        else
        {
            await DeliverAsync(lines, lineCount, head, stop);
        }
    }

    /// <summary>
    /// Tries up to ProbeBatches batches that follow the oldest one in the spool (read, not
    /// acknowledged: each is sent again when its turn comes). True when one is accepted.
    /// </summary>
    private async Task<bool> LaterBatchAcceptedAsync(SpoolHead head, CancellationToken stop)
    {
        var after = head.Read;
        for (int i = 0; i < _options.ProbeBatches; i++)
        {
            head.Probe.Clear();
            if (!_spool.TryPeekAfter(after, _options.BatchSize, _options.MaxBatchBytes, head.Probe, out var later))
            {
                return false;
            }

            var outcome = await PostAsync(head.Probe.WrittenMemory, stop);
            if (outcome.Kind == WriteOutcomeKind.Accepted)
            {
                MarkAccepting();
                return true;
            }

            after = later;
        }

        return false;
    }

    private async Task<WriteOutcome> PostAsync(ReadOnlyMemory<byte> lines, CancellationToken stop)
    {
        Interlocked.Increment(ref _requests);
        var outcome = await _sender.PostAsync(lines, stop);
        Volatile.Write(ref _reachable, outcome.Kind == WriteOutcomeKind.Retry ? 0 : 1);
        return outcome;
    }

    private void Delivered(int lineCount)
    {
        MarkAccepting();
        Interlocked.Add(ref _linesSent, lineCount);
    }

    private static async Task ForEachHalfAsync(ReadOnlyMemory<byte> lines, int lineCount, Func<ReadOnlyMemory<byte>, int, Task> deliver)
    {
        int half = lineCount / 2;
        int split = OffsetAfterLine(lines.Span, half);
        await deliver(lines[..split], half);
        await deliver(lines[split..], lineCount - half);
    }

    /// <summary>Exponential backoff with "equal jitter" (half fixed, half random), never shorter than Retry-After.</summary>
    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        double exponential = _options.InitialRetryDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        double capped = Math.Min(exponential, _options.MaxRetryDelay.Ticks);
        var backoff = TimeSpan.FromTicks((long)(capped * (0.5 + (0.5 * Random.Shared.NextDouble()))));
        if (retryAfter is TimeSpan after)
        {
            var honoured = after > _options.MaxRetryAfter ? _options.MaxRetryAfter : after;
            return honoured > backoff ? honoured : backoff;
        }

        return backoff;
    }

    private bool TryDeadLetter(ReadOnlySpan<byte> lines, int lineCount, WriteOutcome outcome)
    {
        string reason = $"HTTP {outcome.StatusCode}: {outcome.Message}";
        if (!TrySetAside(_deadLetter, "dead-letter", nameof(InfluxWriterOptions.MaxDeadLetterBytes), lines, lineCount, reason))
        {
            return false;
        }

        Interlocked.Add(ref _linesDeadLettered, lineCount);
        _warnings.Log(WarningKind.DeadLettered, log => InfluxWriterLog.DeadLettered(log, _target, lineCount, outcome.StatusCode, outcome.Message, _deadLetter.Path));
        return true;
    }

    private bool TryQuarantine(ReadOnlySpan<byte> lines, int failures, WriteOutcome outcome)
    {
        string reason = $"{outcome.Describe()} ({failures} failures while later batches were accepted)";
        if (!TrySetAside(_quarantine, "quarantine", nameof(InfluxWriterOptions.MaxQuarantineBytes), lines, 1, reason))
        {
            return false;
        }

        Interlocked.Increment(ref _linesQuarantined);
        _warnings.Log(WarningKind.Quarantined, log => InfluxWriterLog.Quarantined(log, _target, failures, outcome.Describe(), _quarantine.Path));
        return true;
    }

    private bool TrySetAside(SetAsideFile file, string name, string setting, ReadOnlySpan<byte> lines, int lineCount, string reason)
    {
        if (file.TryAppend(_time.GetUtcNow(), reason, lines))
        {
            return true;
        }

        long length = file.Length;
        string what = lineCount == 1 ? "a line" : $"a batch of {lineCount} lines";
        _warnings.Log(WarningKind.SetAsideFull, log => InfluxWriterLog.SetAsideFull(
            log, _target, name, file.Path, length, file.MaxBytes, what, reason, setting, _options.MaxRetryDelay));
        return false;
    }

    private void MarkAccepting()
    {
        if (_state is StoreState.Failing or StoreState.Misconfigured)
        {
            long backlog = _spool.BacklogLines;
            _warnings.Log(WarningKind.Reachability, log => InfluxWriterLog.Reachable(log, _target, backlog));
        }

        _state = StoreState.Accepting;
    }

    private void MarkFailing(WriteOutcome outcome)
    {
        if (_state != StoreState.Failing)
        {
            long backlog = _spool.BacklogLines;
            _warnings.Log(WarningKind.Reachability, log => InfluxWriterLog.Unreachable(log, _target, outcome.Describe(), _spool.Directory, backlog));
        }

        _state = StoreState.Failing;
    }

    /// <summary>Says which setting to fix on every attempt (rate-limited): nothing flows until it is fixed.</summary>
    private void MarkMisconfigured(WriteOutcome outcome)
    {
        _state = StoreState.Misconfigured;
        string hint = ConfigurationHint.For(_target, outcome.StatusCode, outcome.Message);
        long backlog = _spool.BacklogLines;
        _warnings.Log(WarningKind.Configuration, log => InfluxWriterLog.Misconfigured(
            log, _target, outcome.StatusCode, outcome.Message, hint, backlog, _spool.Directory, _options.MaxRetryDelay));
    }

    /// <summary>The byte offset just after the <paramref name="lines"/>-th newline.</summary>
    private static int OffsetAfterLine(ReadOnlySpan<byte> body, int lines)
    {
        int offset = 0;
        for (int i = 0; i < lines; i++)
        {
            int next = body[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return body.Length;
            }

            offset += next + 1;
        }

        return offset;
    }

    /// <summary>The oldest batch being delivered, and a buffer for probing with the batches after it.</summary>
    private readonly record struct SpoolHead(SpoolReadResult Read, LineProtocolBuffer Probe);
}
