using System.Net;
using System.Text;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// The write actions refuse what another site's page sends (403) and bodies over a few KiB before parsing them
/// (413): one 24 MB body used to grow the process by 600 MB.
/// </summary>
public sealed class PostGuardTests(LoopbackDashboard dashboard) : IClassFixture<LoopbackDashboard>
{
    private const string Snooze = "/api/live/0000000000000001/snooze";

    private static HttpRequestMessage Post(string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Snooze) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach ((string name, string value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task CrossSitePost_IsRefusedWith403(string header, string value)
    {
        using var response = await dashboard.Client.SendAsync(Post("{}", (header, value)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameOriginPost_ReachesTheAction()
    {
        string origin = dashboard.Dashboard.Address.GetLeftPart(UriPartial.Authority);
        using var response = await dashboard.Client.SendAsync(Post("{}", ("Origin", origin), ("Sec-Fetch-Site", "same-origin")));

        // No such device is live: the action itself answered, not the guard.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not live", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOverTheLimit_WithItsLength_IsRefusedWith413BeforeParsing()
    {
        using var response = await dashboard.Client.SendAsync(Post("{\"posture\":\"" + new string('x', 1 << 20) + "\"}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimit_Chunked_IsCutOffWith413()
    {
        using var content = new PushStreamContent(new string('x', 1 << 20));
        using var request = new HttpRequestMessage(HttpMethod.Post, Snooze) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await dashboard.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A JSON body of unknown length, so only the server's read limit can stop it.</summary>
    private sealed class PushStreamContent : HttpContent
    {
        private readonly byte[] body;

        public PushStreamContent(string filler)
        {
            body = Encoding.UTF8.GetBytes("[\"" + filler + "\"]");
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
