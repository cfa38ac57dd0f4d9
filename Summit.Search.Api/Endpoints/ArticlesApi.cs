using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapReadGroup("Articles");
        api.MapRead("/articles/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("One article with its extracted quotes, speakers, persons, places and countries")
            .ProducesProblem(StatusCodes.Status404NotFound);
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

}
