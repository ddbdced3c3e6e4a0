using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace PostureStream.Storage.Tests.Fixtures;

/// <summary>
/// A loopback HTTP server whose answers the test scripts: status codes InfluxDB itself never
/// returns on demand (429, 503 with Retry-After, 413, a partial-write 400). Records every request
/// with its decompressed body.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, int, (int Status, string Body, string? RetryAfter)> _respond;
    private readonly Task _loop;
    private TaskCompletionSource<RecordedRequest> _nextRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedHttpServer(Func<RecordedRequest, int, (int Status, string Body, string? RetryAfter)> respond, int? port = null)
    {
        _respond = respond;
        Port = port ?? FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Task<RecordedRequest> NextRequestAsync() => Volatile.Read(ref _nextRequest).Task;

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = await RecordAsync(context.Request);
            Requests.Enqueue(request);
            var (status, body, retryAfter) = _respond(request, Requests.Count);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            Interlocked.Exchange(ref _nextRequest, new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(request);
        }
    }

    private static async Task<RecordedRequest> RecordAsync(HttpListenerRequest request)
    {
        using var raw = new MemoryStream();
        await request.InputStream.CopyToAsync(raw);
        string? encoding = request.Headers["Content-Encoding"];
        string body;
        if (encoding == "gzip")
        {
            raw.Position = 0;
            using var gzip = new GZipStream(raw, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }
        else
        {
            body = Encoding.UTF8.GetString(raw.ToArray());
        }

        return new RecordedRequest(request.Url!.PathAndQuery, request.Headers["Authorization"], encoding, body);
    }
}

internal sealed record RecordedRequest(string PathAndQuery, string? Authorization, string? ContentEncoding, string Body)
{
    public string[] Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
