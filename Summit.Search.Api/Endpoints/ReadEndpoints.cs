namespace Summit.Search.Api.Endpoints;

internal static class ReadEndpoints
{
    /// <summary>
    /// A read endpoint answers GET and HEAD (the same handler; Kestrel sends no body for HEAD), so a client or proxy
    /// checking a URL with HEAD gets its status and headers, is rate limited like GET, and gets the same CORS headers.
    /// The HEAD endpoint is left out of the OpenAPI document, which lists each operation once.
    /// </summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder group, string pattern, Delegate handler)
    {
        group.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return group.MapGet(pattern, handler);
    }
}
