using Microsoft.AspNetCore.Http;

namespace PostureStream.Dashboard.Security;

/// <summary>
/// Lets a request through only with the access token: an <c>Authorization: Bearer</c> header, the
/// cookie, or a <c>?token=</c> that is swapped for an HttpOnly cookie and removed from the address.
/// </summary>
internal sealed class TokenGate(RequestDelegate next, AccessToken token)
{
    public const string CookieName = "posturestream_token";
    public const string QueryName = "token";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (token.Matches(BearerOf(request)) || token.Matches(request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }

        if (request.Query.TryGetValue(QueryName, out var fromQuery) && token.Matches(fromQuery.ToString()))
        {
            context.Response.Cookies.Append(CookieName, fromQuery.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect(WithoutToken(request), permanent: false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsync(
            "401: this dashboard needs its access token: open it once as /?token=TOKEN (the token file's first line), or send 'Authorization: Bearer TOKEN'\n",
            context.RequestAborted);
    }

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static string WithoutToken(HttpRequest request)
    {
        var rest = request.Query.Where(p => p.Key != QueryName).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}");
        var query = string.Join('&', rest);
        return request.PathBase + request.Path + (query.Length > 0 ? "?" + query : string.Empty);
    }
}
