using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engine.Host.Dashboard;

/// <summary>
/// The live dashboard: one static page, its stylesheet and its script, embedded in the engine executable (nothing to
/// build, nothing on disk) and served at <c>/</c>, <c>/dashboard.css</c>, <c>/dashboard.js</c>. The page reads
/// <c>/api/events</c> (Server-Sent Events) and posts to <c>/api/halt</c> and <c>/api/resume</c>.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly (string Route, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
        ("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
    ];

    /// <summary>Maps the page's routes on <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (route, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(route, () => Results.Bytes(bytes, contentType));
        }
    }

    /// <summary>The embedded file <paramref name="name"/> of <c>Dashboard/wwwroot</c>.</summary>
    public static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Engine.Host.Dashboard." + name)
            ?? throw new InvalidOperationException($"the dashboard file {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
