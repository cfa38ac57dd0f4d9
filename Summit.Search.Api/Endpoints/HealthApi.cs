using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>Liveness for load balancers and the soak: not under /api, not rate limited, no CORS.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Liveness: the index opens and how many articles it holds");
        return app;
    }

    public static Ok<HealthResponse> Health(SearchIndex index) => TypedResults.Ok(new HealthResponse("ok", index.ArticleCount()));
}

public sealed record HealthResponse(string Status, int Articles);
