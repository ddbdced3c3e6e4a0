using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace PostureStream.Storage.Influx;

/// <summary>
/// POSTs one body of line protocol to a target's write URL (gzipped, with the target's
/// Authorization header) and classifies the answer (see <see cref="WriteOutcomeKind"/>).
/// One request at a time: it reuses its compression buffer.
/// </summary>
internal sealed class InfluxHttpSender : IDisposable
{
    private const int MaxMessageChars = 2000;

    private readonly HttpClient _http;
    private readonly InfluxTarget _target;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly bool _gzip;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly MemoryStream _compressed = new();

    public InfluxHttpSender(InfluxTarget target, HttpMessageHandler handler, bool gzip, TimeSpan timeout, TimeProvider time)
    {
        _target = target;
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _authorization = target.CreateAuthorization();
        _gzip = gzip;
        _timeout = timeout;
        _time = time;
    }

    public async Task<WriteOutcome> PostAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target.WriteUri);
        request.Headers.Authorization = _authorization;
        request.Content = CreateContent(lines);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            int status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WriteOutcome(WriteOutcomeKind.Accepted, status, string.Empty, null);
            }

            string message = await ReadMessageAsync(response, linked.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.RequestEntityTooLarge => new WriteOutcome(WriteOutcomeKind.TooLarge, status, message, null),
                HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                    new WriteOutcome(WriteOutcomeKind.Retry, status, message, RetryAfter(response)),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound =>
                    new WriteOutcome(WriteOutcomeKind.ConfigurationError, status, message, null),
                _ => new WriteOutcome(WriteOutcomeKind.Rejected, status, message, null),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, $"no answer within {_timeout.TotalSeconds:0.#} s", null, TimedOut: true);
        }
        catch (HttpRequestException e)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, e.InnerException?.Message ?? e.Message, null);
        }
        catch (IOException e)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, e.Message, null);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _compressed.Dispose();
    }

    private HttpContent CreateContent(ReadOnlyMemory<byte> lines)
    {
        HttpContent content;
        if (_gzip)
        {
            _compressed.SetLength(0);
            using (var gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(lines.Span);
            }

            content = new ByteArrayContent(_compressed.GetBuffer(), 0, (int)_compressed.Length);
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ReadOnlyMemoryContent(lines);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            body = string.Empty;
        }

        body = body.Trim();
        if (body.Length == 0)
        {
            body = response.ReasonPhrase ?? response.StatusCode.ToString();
        }

        return body.Length > MaxMessageChars ? body[..MaxMessageChars] + "…" : body;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
