using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

public static class EntitiesApi
{
    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapReadGroup("Entities");
        api.MapRead("/entities/{type}/{name}", GetEntity)
            .WithName("GetEntity")
            .WithSummary("A person or organisation by any of its names: canonical name, aliases, article and quote counts, co-mentioned persons and countries, latest quotes, articles per month")
            .WithDescription($"type: {string.Join(", ", ArticleSearcher.EntityTypes)}. name: the canonical name or any alias, in any case (\"reagan\", \"Bibi Netanyahu\").")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Ok<EntityDetails>, ProblemHttpResult> GetEntity(string type, string name, ArticleSearcher searcher)
    {
        var entity = searcher.GetEntity(type.ToLowerInvariant(), name);
        if (entity is not null) return TypedResults.Ok(entity);
        var detail = ArticleSearcher.EntityTypes.Contains(type.ToLowerInvariant())
            ? $"No {type.ToLowerInvariant()} in the archive is called '{(name.Length > 100 ? name[..100] + "…" : name)}'. Names come from the facets and suggestions."
            : $"'{(type.Length > 40 ? type[..40] + "…" : type)}' is not an entity type; use one of: {string.Join(", ", ArticleSearcher.EntityTypes)}.";
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Entity not found", detail: detail);
    }
}
