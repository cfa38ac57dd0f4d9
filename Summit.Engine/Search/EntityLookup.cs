using Summit.Engine.Entities;

namespace Summit.Engine.Search;

/// <summary>An entity as <c>GET /api/entities/{type}/{name}</c> shows it.</summary>
/// <param name="Articles">Articles naming it in any form.</param>
/// <param name="Quotes">Distinct quotes attributed to it.</param>
/// <param name="Persons">The persons most often named in its articles (itself left out).</param>
/// <param name="Countries">The countries of its articles, most frequent first.</param>
/// <param name="LatestQuotes">Its newest quotes.</param>
/// <param name="Months">Its articles per month ("2023-05"), oldest first.</param>
public sealed record EntityDetails(
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    int Articles,
    int Quotes,
    IReadOnlyList<FacetValue> Persons,
    IReadOnlyList<FacetValue> Countries,
    IReadOnlyList<QuoteHit> LatestQuotes,
    IReadOnlyList<DateBucket> Months);

public sealed partial class ArticleSearcher
{
    /// <summary>Entity types the archive knows.</summary>
    public static readonly IReadOnlyList<string> EntityTypes = [Entity.PersonType, Entity.OrganizationType];

    /// <summary>The entity of that type called <paramref name="name"/> (its canonical name or any alias, any case), or null.</summary>
    public EntityDetails? GetEntity(string type, string name, int limit = 10)
    {
        if (!EntityTypes.Contains(type)) return null;
        Entity? entity;
        using (var lease = index.Acquire()) entity = ArchiveEntities.For(lease.Searcher.IndexReader).Registry.Find(name);
        if (entity is null || entity.Type != type) return null;
        // A search filtered by the entity gives its articles, co-mentions and timeline; a quote search by it as the
        // speaker gives its quotes. Both go through the result cache like any search.
        // The entity as a query term (person:"…"), not a filter: a filter's own dimension is counted as if unselected.
        // An organisation's own dimension is not among those shown, so its filter can be a filter.
        var articles = Search(entity.Type == Entity.PersonType
            ? new SearchRequest
            {
                Query = $"person:\"{entity.Name.Replace("\"", "", StringComparison.Ordinal)}\"", PageSize = 0, FacetLimit = limit + 1, DateHistogram = DateInterval.Month,
            }
            : new SearchRequest { Organizations = [entity.Name], PageSize = 0, FacetLimit = limit + 1, DateHistogram = DateInterval.Month });
        var quotes = SearchQuotes(new QuoteSearchRequest { Speakers = [entity.Name], PageSize = limit, Sort = SearchSort.Date, FacetLimit = 1 });
        return new EntityDetails(
            entity.Name,
            entity.Type,
            entity.Aliases,
            articles.Total,
            quotes.Total,
            [.. articles.Facets.Person.Where(p => p.Value != entity.Name).Take(limit)],
            [.. articles.Facets.Country.Take(limit)],
            quotes.Hits,
            [.. (articles.DateHistogram ?? []).OrderBy(b => b.Value, StringComparer.Ordinal)]);
    }
}
