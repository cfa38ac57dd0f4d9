using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

public sealed partial class ArticleSearcher
{
    public const int MaxSuggestions = 10;

    /// <summary>
    /// Type-ahead: countries by name or code, persons and speakers whose name words start with every typed word
    /// ("jin" finds "Xi Jinping"), then article titles holding every typed word as a prefix. At most
    /// <paramref name="limit"/> entries, each kind ordered by article count.
    /// </summary>
    public SuggestResponse Suggest(string query, int limit = MaxSuggestions)
    {
        var words = TextFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToArray();
        if (words.Length == 0) return new SuggestResponse(query, []);
        using var lease = index.Acquire();
        // Type-ahead sends every prefix of popular words again and again.
        return _cache.GetOrCompute(lease.Searcher.IndexReader, "suggest", new { query, limit }, () => Suggest(lease.Searcher, query, words, limit));
    }

    private SuggestResponse Suggest(IndexSearcher searcher, string query, string[] words, int limit)
    {
        var vocabulary = Vocabulary.For(searcher);
        var suggestions = new List<Suggestion>();

        var countryCounts = vocabulary.Entries(SummitSchema.Country).ToDictionary(e => e.Value, e => e.Count);
        var code = words.Length == 1 && words[0].Length == 2 ? words[0].ToUpperInvariant() : null;
        suggestions.AddRange(Countries.All
            .Where(kv => kv.Key == code || WordsMatch(TextFolding.Fold(kv.Value).Split(' '), words))
            .Select(kv => new Suggestion(SummitSchema.Country, kv.Key, kv.Value, countryCounts.GetValueOrDefault(kv.Key)))
            .Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Take(2));
        foreach (var (dimension, take) in new[] { (SummitSchema.Person, 3), (SummitSchema.Organization, 2), (SummitSchema.Speaker, 3) })
        {
            suggestions.AddRange(vocabulary.Matching(dimension, w => WordsMatch(w, words))
                .Take(take)
                .Select(e => new Suggestion(dimension, e.Value, e.Value, e.Count)));
        }
        var room = limit - suggestions.Count;
        if (room > 0) suggestions.AddRange(Titles(searcher, words, Math.Min(room, 4)));
        return new SuggestResponse(query, suggestions.Take(limit).ToList());
    }

    private static bool WordsMatch(string[] nameWords, string[] typed) =>
        typed.All(t => nameWords.Any(w => w.StartsWith(t, StringComparison.Ordinal)));

    private static IEnumerable<Suggestion> Titles(IndexSearcher searcher, string[] words, int count)
    {
        var query = new BooleanQuery { { new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), Occur.MUST } };
        for (var i = 0; i < words.Length; i++)
        {
            // Every typed word but the last is finished; the last is still being typed.
            Query word = i < words.Length - 1
                ? new TermQuery(new Term(SummitSchema.TitleExact, words[i]))
                : new PrefixQuery(new Term(SummitSchema.TitleExact, words[i]));
            query.Add(word, Occur.MUST);
        }
        var top = searcher.Search(query, null, count * 3, new Sort(DateSort.Newest));
        // Recurring headlines ("Readout of …") are offered once, as their newest article.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var hit in top.ScoreDocs)
        {
            var doc = searcher.Doc(hit.Doc);
            var title = doc.Get(SummitSchema.Title) ?? "";
            if (!seen.Add(title)) continue;
            yield return new Suggestion("title", title, title, 1, doc.Get(SummitSchema.Id), ArticleSearcher.ReadDate(doc), doc.Get(SummitSchema.Source));
            if (seen.Count == count) yield break;
        }
    }
}
