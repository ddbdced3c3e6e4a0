using Microsoft.AspNetCore.Http;

namespace PostureStream.Dashboard.Security;

/// <summary>
/// Guards the write actions (every method but GET and HEAD): a request another site's page sent is refused with 403
/// (the browser names it in <c>Sec-Fetch-Site</c> or <c>Origin</c>), and a body over the limit is refused with 413
/// before anything reads it. Clients that send neither header (curl, scripts) are let through.
/// </summary>
internal sealed class PostGuard(RequestDelegate next, long maxBodyBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        if (CrossSite(request) is { } reason)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, $"403: {reason}; the dashboard's actions can only be used from its own page");
            return;
        }

        if (request.ContentLength > maxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"413: the body has {request.ContentLength} bytes; at most {maxBodyBytes} are accepted");
            return;
        }

        await next(context);
    }

    /// <summary>Why the request comes from another site, or null when it does not.</summary>
    private static string? CrossSite(HttpRequest request)
    {
        string site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return $"the request came from another site (Sec-Fetch-Site: {site})";
        }

        string origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        bool sameOrigin = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return sameOrigin ? null : $"the request came from another origin ({origin})";
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
