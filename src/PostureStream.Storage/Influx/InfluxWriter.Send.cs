using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Spool;

namespace PostureStream.Storage.Influx;

/// <summary>The sending side: reads the spool in order, one request in flight, retries by DESIGN §7.</summary>
public sealed partial class InfluxWriter
{
    private async Task SendLoopAsync(CancellationToken stop)
    {
        using var body = new LineProtocolBuffer();
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
                await SendAsync(body.WrittenMemory, read.Lines, stop);
                _spool.Acknowledge(read);
                _acknowledged.Advance(_spool.AcknowledgedRecords);
            }
            catch (IOException e)
            {
                // The dead-letter file or the ack file could not be written: keep the batch and try again.
                InfluxWriterLog.SendLoopFailed(_logger, _target, e.Message);
                await Task.Delay(_options.MaxRetryDelay, _time, stop);
            }
        }
    }

    /// <summary>Returns once the lines were accepted or dead-lettered; only cancellation ends it otherwise.</summary>
    private async Task SendAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken stop)
    {
        for (int attempt = 0; ; attempt++)
        {
            Interlocked.Increment(ref _requests);
            var outcome = await _sender.PostAsync(lines, stop);
            switch (outcome.Kind)
            {
                case WriteOutcomeKind.Accepted:
                    MarkReachable();
                    Interlocked.Add(ref _linesSent, lineCount);
                    return;
                case WriteOutcomeKind.TooLarge when lineCount > 1:
                    MarkReachable();
                    InfluxWriterLog.Splitting(_logger, _target, lineCount);
                    int half = lineCount / 2;
                    int split = OffsetAfterLine(lines.Span, half);
                    await SendAsync(lines[..split], half, stop);
                    await SendAsync(lines[split..], lineCount - half, stop);
                    return;
                case WriteOutcomeKind.TooLarge:
                case WriteOutcomeKind.Rejected:
                    MarkReachable();
                    DeadLetter(lines.Span, lineCount, outcome);
                    return;
                default:
                    var delay = RetryDelay(attempt, outcome.RetryAfter);
                    MarkUnreachable(outcome);
                    Interlocked.Increment(ref _retries);
                    Interlocked.Exchange(ref _lastRetryDelayTicks, delay.Ticks);
                    InfluxWriterLog.Retrying(_logger, _target, delay, Describe(outcome));
                    await Task.Delay(delay, _time, stop);
                    break;
            }
        }
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

    private void DeadLetter(ReadOnlySpan<byte> lines, int lineCount, WriteOutcome outcome)
    {
        _deadLetter.Append(_time.GetUtcNow(), outcome.StatusCode, outcome.Message, lines);
        Interlocked.Add(ref _linesDeadLettered, lineCount);
        InfluxWriterLog.DeadLettered(_logger, _target, lineCount, outcome.StatusCode, outcome.Message, _deadLetter.Path);
    }

    private void MarkReachable()
    {
        if (Interlocked.Exchange(ref _reachable, 1) == 0)
        {
            InfluxWriterLog.Reachable(_logger, _target, _spool.BacklogLines);
        }
    }

    private void MarkUnreachable(WriteOutcome outcome)
    {
        if (Interlocked.Exchange(ref _reachable, 0) != 0)
        {
            InfluxWriterLog.Unreachable(_logger, _target, Describe(outcome), _spool.Directory, _spool.BacklogLines);
        }
    }

    private static string Describe(WriteOutcome outcome) =>
        outcome.StatusCode == 0 ? outcome.Message : $"HTTP {outcome.StatusCode}: {outcome.Message}";

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
}
