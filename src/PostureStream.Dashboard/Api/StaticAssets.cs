using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PostureStream.Presentation.Styling;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// Serves the page, its script and its style from resources embedded in this assembly (and the
/// shared palette as <c>/palette.css</c>), so a
/// single-file build needs no files beside it and nothing is fetched from elsewhere.
/// </summary>
internal static class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var assembly = typeof(StaticAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var file = name[Prefix.Length..];
            var (bytes, type) = Load(assembly, name);
            MapFile(app, file, bytes, type);
        }

        // The palette's colours as CSS custom properties, made from the same table the server-drawn charts use.
        MapFile(app, "palette.css", Encoding.UTF8.GetBytes(PaletteCss.RootRule + "\n"), ContentTypes[".css"]);
        // The physiotherapist's view looks as it does in the report.
        MapFile(app, "review.css", Encoding.UTF8.GetBytes(Presentation.Review.ReviewStyles.Css + "\n"), ContentTypes[".css"]);
    }

    private static void MapFile(IEndpointRouteBuilder app, string file, byte[] bytes, string type)
    {
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
        // A RequestDelegate, not a lambda the framework inspects: nothing here is bound by reflection.
        RequestDelegate handler = context => Serve(context, bytes, type, etag).ExecuteAsync(context);
        app.MapGet("/" + file, handler);
        if (file == "index.html")
        {
            app.MapGet("/", handler);
        }
    }

    private static (byte[] Bytes, string Type) Load(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
    }

    private static IResult Serve(HttpContext context, byte[] bytes, string type, string etag)
    {
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, type);
    }
}
