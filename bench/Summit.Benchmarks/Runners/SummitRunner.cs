using Summit.Benchmarks.Queries;
using Summit.Engine.Search;

namespace Summit.Benchmarks.Runners;

/// <summary>
/// Summit itself: the API's <see cref="ArticleSearcher"/> called in-process, doing the full response work of
/// <c>GET /api/search</c> and <c>GET /api/quotes</c> (top 10, exact total, facet counts, snippets, typo
/// tolerance). The one class to adapt when the searcher's contract changes.
/// </summary>
public sealed class SummitRunner : IQueryRunner
{
    private readonly SearchIndex _index;
    private readonly ArticleSearcher _searcher;

    private SummitRunner(string indexPath, string name)
    {
        Name = name;
        _index = new SearchIndex(Path.GetFullPath(indexPath));
        _searcher = new ArticleSearcher(_index);
    }

    public string Name { get; }

    /// <summary>Opens the API's searcher over an existing index.</summary>
    public static SummitRunner Open(string indexPath, string name = "summit") => new(indexPath, name);

    public long Run(BenchQuery query)
    {
        IReadOnlyList<string> countries = query.Country is null ? [] : [query.Country];
        IReadOnlyList<string> persons = query.Person is null ? [] : [query.Person];
        var sort = query.SortByDate ? SearchSort.Date : SearchSort.Relevance;
        if (query.Quotes)
            return _searcher.SearchQuotes(new QuoteSearchRequest { Query = query.Text, Countries = countries, Persons = persons, Sort = sort }).Total;
        return _searcher.Search(new SearchRequest { Query = query.Text, Countries = countries, Persons = persons, Sort = sort }).Total;
    }

    public void Dispose() => _index.Dispose();
}
