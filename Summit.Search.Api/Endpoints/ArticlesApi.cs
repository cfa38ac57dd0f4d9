using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Articles").ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireCors(Cors.ReadPolicy);
        api.MapRead("/articles/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("One article with its extracted quotes, speakers, persons, places and countries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/health", Health)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Liveness: the index opens and how many articles it holds");
        return app;
    }

    public static Results<Ok<ArticleDetails>, ProblemHttpResult> GetArticle(string id, ArticleSearcher searcher)
    {
        var article = searcher.GetArticle(id);
        return article is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found",
                detail: $"No article has the id '{(id.Length > 100 ? id[..100] + "…" : id)}'. Ids come from the search results.")
            : TypedResults.Ok(article);
    }

    public static Ok<HealthResponse> Health(SearchIndex index) => TypedResults.Ok(new HealthResponse("ok", index.ArticleCount()));
}

public sealed record HealthResponse(string Status, int Articles);
