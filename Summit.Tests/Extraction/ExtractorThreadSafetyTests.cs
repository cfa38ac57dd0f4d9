using System.Collections.Concurrent;
using System.Text.Json;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Extraction;

/// <summary>
/// The indexer extracts on every core with one shared <see cref="Extractor"/> (and its shared finders): the facts of
/// an article must not depend on which other articles are extracted at the same time.
/// </summary>
public sealed class ExtractorThreadSafetyTests
{
    [Fact]
    public void Facts_are_the_same_when_articles_are_extracted_on_many_threads_in_any_order()
    {
        var articles = ArticleReader.Read(RepoPaths.Seeds).OfType<ArticleRead>().Select(r => r.Article).Take(400).ToList();
        Assert.True(articles.Count >= 100, $"only {articles.Count} seed articles were read");
        var alone = articles.ToDictionary(a => a.Id, a => Facts(a));

        var together = new ConcurrentDictionary<string, string>();
        var shuffled = articles.OrderBy(a => a.Id.GetHashCode(StringComparison.Ordinal)).ToList();
        Parallel.ForEach(shuffled.Concat(shuffled.AsEnumerable().Reverse()), new ParallelOptions { MaxDegreeOfParallelism = 8 }, article =>
        {
            var facts = Facts(article);
            together.AddOrUpdate(article.Id, facts, (_, earlier) => earlier == facts ? facts : "DIFFERS BETWEEN RUNS");
        });

        var different = alone.Where(a => together[a.Key] != a.Value).Select(a => a.Key).ToList();
        Assert.True(different.Count == 0, $"{different.Count} articles got other facts on many threads: {string.Join(", ", different.Take(5))}");
    }

    private static string Facts(Article article) => JsonSerializer.Serialize(Extractor.Default.Extract(article));
}
