using Summit.Benchmarks.Queries;

namespace Summit.Benchmarks.Runners;

/// <summary>
/// Summit itself: the API's searcher class called in-process with the full response work the API does
/// (top 10, exact total, facet counts, snippets). The one class to adapt when the searcher's contract changes.
/// </summary>
public sealed class SummitRunner : IQueryRunner
{
    private SummitRunner() { }

    public string Name => "summit";

    /// <summary>Null (with the reason) while the API's searcher is not available on this branch.</summary>
    public static SummitRunner? TryCreate(string indexPath, out string? reason)
    {
        _ = indexPath;
        reason = "Summit.Search.Api/Search/ArticleSearcher is not merged into this branch yet";
        return null;
    }

    public long Run(BenchQuery query) => throw new NotSupportedException();

    public void Dispose() { }
}
