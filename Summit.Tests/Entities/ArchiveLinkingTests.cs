using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.Api;

namespace Summit.Tests.Entities;

/// <summary>Facets follow what the archive learns: over a real index, built at once or one article at a time.</summary>
public sealed class ArchiveLinkingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "summit-linking-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static Dictionary<string, int> PersonFacet(string indexPath)
    {
        using var index = new SearchIndex(indexPath);
        var searcher = new ArticleSearcher(index);
        return searcher.Search(new SearchRequest { FacetLimit = 100 }).Facets.Person.ToDictionary(v => v.Value, v => v.Count);
    }

    [Fact]
    public void A_later_full_name_relinks_the_earlier_surnames_at_the_next_commit()
    {
        var path = Path.Combine(_root, "grow");
        var articles = EntityArticles.All().ToList();
        using (var builder = IndexBuilder.Open(path, rebuild: true))
        {
            foreach (var (article, facts) in articles.Where(a => a.Item1.Id is "reagan-2" or "reagan-3")) builder.Upsert(article, facts);
            builder.Commit();
        }
        Assert.Equal(2, PersonFacet(path)["Reagan"]);

        using (var builder = IndexBuilder.Open(path))
        {
            var (article, facts) = articles.Single(a => a.Item1.Id == "reagan-1");
            builder.Upsert(article, facts);
            builder.Commit();
        }

        var facet = PersonFacet(path);
        Assert.Equal(3, facet["Ronald Reagan"]);
        Assert.False(facet.ContainsKey("Reagan"));
    }

    [Fact]
    public void An_index_built_at_once_and_one_built_article_by_article_show_the_same_facets()
    {
        var all = TestArticles.All().Concat(EntityArticles.All()).ToList();
        var atOnce = Path.Combine(_root, "once");
        using (var builder = IndexBuilder.Open(atOnce, rebuild: true))
        {
            foreach (var (article, facts) in all) builder.Upsert(article, facts);
            builder.Commit();
        }
        var incremental = Path.Combine(_root, "incremental");
        // Reverse order, one commit per article, with a deletion and a re-add along the way.
        foreach (var (article, facts) in Enumerable.Reverse(all))
        {
            using var builder = IndexBuilder.Open(incremental);
            builder.Upsert(article, facts);
            builder.Commit();
        }

        Assert.Equal(PersonFacet(atOnce).OrderBy(kv => kv.Key), PersonFacet(incremental).OrderBy(kv => kv.Key));
        Assert.Contains("Ronald Reagan", PersonFacet(incremental).Keys);
    }
}
