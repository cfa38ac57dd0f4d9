using Microsoft.Extensions.Options;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>
/// Keeps heavy searches (<see cref="QueryCost"/>: many words, many prefixes, deep nesting) from crowding out ordinary
/// ones: at most <see cref="SearchOptions.HeavySearchConcurrency"/> run at once, and the others wait for a slot
/// (asynchronously, holding no thread) up to <see cref="SearchOptions.HeavySearchWaitMs"/>, then get a 503 with
/// <c>Retry-After</c>. Ordinary searches never wait here, so however many heavy queries arrive, the rest of the
/// machine stays free for them.
/// </summary>
public sealed class SearchAdmission(IOptions<SearchOptions> options)
{
    private const int RetryAfterSeconds = 1;

    /// <summary>The slots of heavy searches (tests hold them to see what waits).</summary>
    internal SemaphoreSlim HeavySlots { get; } = new(options.Value.HeavySearchConcurrency, options.Value.HeavySearchConcurrency);

    private TimeSpan Wait => TimeSpan.FromMilliseconds(options.Value.HeavySearchWaitMs);

    internal async ValueTask<object?> AdmitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!QueryCost.IsHeavy(http.Request.Query["q"].FirstOrDefault())) return await next(context);
        if (!await HeavySlots.WaitAsync(Wait, http.RequestAborted))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many complex searches at once",
                detail: $"This search has many words, prefixes or nested groups, and the server is busy with others like it; try again in {RetryAfterSeconds} s, or shorten the query.");
        }
        try
        {
            return await next(context);
        }
        finally
        {
            HeavySlots.Release();
        }
    }
}

public static class SearchAdmissionEndpoints
{
    /// <summary>Routes heavy searches on these endpoints through <see cref="SearchAdmission"/>.</summary>
    public static RouteGroupBuilder AdmitSearches(this RouteGroupBuilder group) =>
        group.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SearchAdmission>().AdmitAsync(context, next))
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
