namespace Summit.Search.Api;

/// <summary>
/// Response headers that keep browsers from misreading or framing what the API serves. Every response is
/// <c>X-Content-Type-Options: nosniff</c>. The search page (and any other HTML) gets a Content-Security-Policy that
/// lets it load its own script and stylesheet, lets the widget put its stylesheet in its shadow root and fetch the
/// API on this origin, and forbids framing; other responses (JSON, problems) may not be framed or run anything.
/// The widget files (<see cref="IsWidgetFile"/>) get no frame protection or policy: other sites load them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The page's policy. <c>style-src 'unsafe-inline'</c> is for the widget's own <c>&lt;style&gt;</c> element in
    /// its shadow root (scripts stay <c>'self'</c> only, so injected markup cannot run); <c>connect-src 'self'</c> covers
    /// its fetches to <c>/api</c>; <c>img-src data:</c> any inline icon.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Everything else that is not a widget file: nothing may load from it, and it may not be framed.</summary>
    public const string ResourcePolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The embeddable widget: the module script that other sites load (and any module it imports), which is
    /// served with CORS to any origin (the API itself only to the allowed ones) and without frame protection.</summary>
    public static bool IsWidgetFile(PathString path) =>
        path.Value is { } value && (value.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase))
        && !value.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, so error pages and problems written later get them too.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (IsWidgetFile(http.Request.Path)) return Task.CompletedTask;
            headers.XFrameOptions = "DENY";
            var html = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            headers.ContentSecurityPolicy = html ? PagePolicy : ResourcePolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
