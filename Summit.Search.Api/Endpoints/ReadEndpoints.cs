using Microsoft.AspNetCore.RateLimiting;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>What every public read endpoint shares, declared once: the route group and its mapping.</summary>
internal static class ReadEndpoints
{
    /// <summary>The per-client token bucket of the read API (<c>Search:RateLimitPerSecond</c>), registered in Program.</summary>
    public const string RateLimitPolicy = "read";

    /// <summary>
    /// The group of public read endpoints under <c>/api</c>: CORS for the allowed origins, the per-client rate limit
    /// (429 with <c>Retry-After</c>), a 400 for a single-valued parameter given twice, and the search's own errors (a
    /// query that does not parse, a value the searcher refuses) as a 400 naming the parameter, mapped here once
    /// instead of in every handler. (Not in the exception handler: it clears the response, CORS headers included, so a
    /// page on another origin could not read the 400.)
    /// </summary>
    public static RouteGroupBuilder MapReadGroup(this IEndpointRouteBuilder app, string tag) =>
        app.MapGroup("/api").WithTags(tag)
            .RequireCors(Cors.ReadPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RejectRepeatedParameters()
            .AddEndpointFilter(SearchErrorsAsBadRequests);

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

    private static async ValueTask<object?> SearchErrorsAsBadRequests(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var validation = new RequestValidation();
        try
        {
            return await next(context);
        }
        catch (QuerySyntaxException ex)
        {
            validation.Add("q", ex.Message);
        }
        catch (SearchRequestException ex)
        {
            validation.Add(ex.Parameter, ex.Message);
        }
        return SearchApi.Invalid(validation);
    }
}
