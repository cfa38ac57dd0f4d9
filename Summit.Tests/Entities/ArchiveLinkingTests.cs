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
        return PersonFacet(new ArticleSearcher(index));
    }

    private static Dictionary<string, int> PersonFacet(ArticleSearcher searcher) =>
        searcher.Search(new SearchRequest { FacetLimit = 100 }).Facets.Person.ToDictionary(v => v.Value, v => v.Count);

    /// <summary>Every value of every facet field with its article count, as the vocabulary (suggestions, filters typed in
    /// any case) has them, and the newest article's date.</summary>
    private static string Vocabulary(SearchIndex index)
    {
        using var lease = index.Acquire();
        var vocabulary = Summit.Engine.Search.Vocabulary.For(lease.Searcher);
        return string.Join("\n", SummitSchema.FacetFields.SelectMany(f => vocabulary.Entries(f).Select(e =>
                $"{f}:{e.Value}:{e.Count}:{string.Join('|', e.AliasWords.Select(w => string.Join(' ', w)))}:{vocabulary.Canonical(f, e.Value.ToLowerInvariant())}"))
            .Append($"newest {vocabulary.NewestDate}"));
    }

    private static string Vocabulary(string path)
    {
        using var index = new SearchIndex(path);
        return Vocabulary(index);
    }

    /// <summary>Upserts the articles into the index at <paramref name="path"/> and commits, as one indexing run.</summary>
    private static void Write(string path, IEnumerable<(Summit.Engine.Articles.Article, Summit.Engine.Extraction.ArticleFacts)> articles, bool rebuild = false)
    {
        using var builder = IndexBuilder.Open(path, rebuild);
        foreach (var (article, facts) in articles) builder.Upsert(article, facts);
        builder.Commit();
    }

    [Fact]
    public void A_later_full_name_relinks_the_earlier_surnames_at_the_next_commit()
    {
        var path = Path.Combine(_root, "grow");
        var articles = EntityArticles.All().ToList();
        Write(path, articles.Where(a => a.Item1.Id is "reagan-2" or "reagan-3"), rebuild: true);
        Assert.Equal(2, PersonFacet(path)["Reagan"]);
        // A live index refreshed over the new commit re-maps the old segment's "Reagan", as a fresh open does.
        using var index = new SearchIndex(path);
        var live = new ArticleSearcher(index);
        Assert.Equal(2, PersonFacet(live)["Reagan"]);
        Assert.Equal(["Reagan"], ReaganNames(live));

        Write(path, [articles.Single(a => a.Item1.Id == "reagan-1")]);
        index.RefreshNow();

        // Hits show the names of the new reader's registry, not what the last reader resolved for the same forms.
        Assert.Equal(["Ronald Reagan"], ReaganNames(live));

        foreach (var facet in new[] { PersonFacet(path), PersonFacet(live) })
        {
            Assert.Equal(3, facet["Ronald Reagan"]);
            Assert.False(facet.ContainsKey("Reagan"));
        }
        Assert.Equal(Vocabulary(path), Vocabulary(index));
        // Counted once per article, found by its surname too.
        Assert.Matches(@"(?m)^person:Ronald Reagan:3:(.*\|)?reagan(\|.*)?:Ronald Reagan$", Vocabulary(index));
        Assert.Equal(3, live.Search(new SearchRequest { Persons = ["Ronald Reagan"] }).Total);
    }

    /// <summary>Every name containing "Reagan" that the hits of reagan-2 and reagan-3 show: their persons, and their
    /// quotes' speakers (reagan-2 quotes "Reagan").</summary>
    private static string[] ReaganNames(ArticleSearcher searcher)
    {
        var hits = searcher.Search(new SearchRequest { Query = "trade OR Japan", PageSize = 20 }).Hits.Where(h => h.Id is "reagan-2" or "reagan-3").ToList();
        Assert.Equal(2, hits.Count);
        Assert.NotEmpty(hits.Single(h => h.Id == "reagan-2").Quotes);
        return [.. hits.SelectMany(h => h.Persons.Concat(h.Speakers).Concat(h.Quotes.Select(q => q.Speaker ?? "")))
            .Where(n => n.Contains("Reagan", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void An_index_built_at_once_and_one_built_article_by_article_show_the_same_facets()
    {
        var all = TestArticles.All().Concat(EntityArticles.All()).Concat(Bushes()).ToList();
        var atOnce = Path.Combine(_root, "once");
        Write(atOnce, all, rebuild: true);
        var incremental = Path.Combine(_root, "incremental");
        // Reverse order, one commit per article, with a deletion and a re-add along the way.
        foreach (var article in Enumerable.Reverse(all)) Write(incremental, [article]);

        Assert.Equal(PersonFacet(atOnce).OrderBy(kv => kv.Key), PersonFacet(incremental).OrderBy(kv => kv.Key));
        Assert.Contains("Ronald Reagan", PersonFacet(incremental).Keys);
        Assert.Equal(4, PersonFacet(incremental)["George W. Bush"]);
    }

    [Fact]
    public void A_replaced_article_s_old_names_stop_counting_after_a_refresh_as_in_a_rebuild()
    {
        // "Ronald Reagan" is written only by reagan-1; replacing it with a text that names no Reagan deletes the old
        // copy inside the first segment, which stays in the index: its names must no longer count or link.
        var first = EntityArticles.All().Where(a => a.Item1.Id is "reagan-1" or "reagan-2" or "reagan-3").ToList();
        var replacement = TestArticles.Make("reagan-1", "Trade bill vetoed", "The trade bill was vetoed.", "1987-03-02T10:00:00Z",
            countries: ["US"], persons: ["Nancy Davis"]);
        var path = Path.Combine(_root, "replaced");
        Write(path, first, rebuild: true);
        using var index = new SearchIndex(path);
        var searcher = new ArticleSearcher(index);
        PersonFacet(searcher);
        Write(path, [replacement]);
        index.RefreshNow();

        var rebuilt = Path.Combine(_root, "replaced-rebuilt");
        Write(rebuilt, first.Where(a => a.Item1.Id != "reagan-1").Append(replacement), rebuild: true);
        var refreshed = PersonFacet(searcher);
        Assert.Equal(PersonFacet(rebuilt).OrderBy(kv => kv.Key), refreshed.OrderBy(kv => kv.Key));
        Assert.Equal(2, refreshed["Reagan"]);
        Assert.False(refreshed.ContainsKey("Ronald Reagan"));
        Assert.Equal(PersonFacet(rebuilt).OrderBy(kv => kv.Key), PersonFacet(path).OrderBy(kv => kv.Key));
        Assert.Equal(Vocabulary(rebuilt), Vocabulary(index));
    }

    [Fact]
    public void A_refreshed_vocabulary_follows_deleted_articles_and_new_aliases_as_a_fresh_one()
    {
        // Replacing reagan-3 with a Japan-only copy deletes the old one (its US count goes) without re-linking a name;
        // reagan-4's "President Reagan" gives Ronald Reagan, whose name and value stay, one more alias; a later date
        // becomes the newest.
        var articles = EntityArticles.All().ToDictionary(a => a.Item1.Id);
        var path = Path.Combine(_root, "vocabulary");
        Write(path, new[] { "reagan-1", "reagan-2", "reagan-3", "bibi-1" }.Select(id => articles[id]), rebuild: true);
        using var index = new SearchIndex(path);
        var before = Vocabulary(index);
        Assert.Contains("country:US:3:", before);

        var japan = TestArticles.Make("reagan-3", "Reagan and Japan", "Reagan met Yasuhiro Nakasone.", "1987-04-30T10:00:00Z",
            countries: ["JP"], persons: ["Reagan", "Yasuhiro Nakasone"]);
        var later = TestArticles.Make("bibi-3", "Netanyahu again", "Benjamin Netanyahu spoke.", "2024-01-01T10:00:00Z",
            countries: ["IL"], persons: ["Benjamin Netanyahu"]);
        Write(path, [japan, articles["reagan-4"], later]);
        index.RefreshNow();

        var after = Vocabulary(index);
        Assert.Equal(Vocabulary(path), after);
        Assert.Contains("country:US:3:", after);
        Assert.Matches(@"(?m)^person:Ronald Reagan:4:[^:\n]*president reagan", after);
        Assert.NotEqual(before.Split('\n')[^1], after.Split('\n')[^1]);
    }

    [Fact]
    public void Evidence_kept_by_old_segments_follows_new_and_deleted_articles_as_in_a_rebuild()
    {
        // bush-1996 names Bush alone in a year no Bush's articles cover: unresolved. A later article on the elder Bush in
        // 1996 (a new segment) widens his years, so the old segment's bush-1996 becomes his; replacing that article with
        // one that names no Bush takes it back.
        var bushes = Bushes().ToList();
        var hw1996 = TestArticles.Make("hw-4", "Article hw-4", "Washington news.", "1996-06-01T10:00:00Z", countries: ["US"], persons: ["George H. W. Bush"]);
        var replaced = TestArticles.Make("hw-4", "Article hw-4", "Washington news.", "1996-06-01T10:00:00Z", countries: ["US"], persons: ["Colin Powell"]);
        var path = Path.Combine(_root, "evidence-live");
        Write(path, bushes, rebuild: true);
        using var index = new SearchIndex(path);
        var searcher = new ArticleSearcher(index);
        Assert.Equal(3, Elder(searcher).Count(id => id.StartsWith("hw-", StringComparison.Ordinal)));
        Assert.DoesNotContain("bush-1996", Elder(searcher));

        // Each step's segment also holds an unrelated article, so that replacing hw-4 leaves a deleted document in a
        // live segment (a segment whose documents are all deleted is dropped).
        var live = bushes.ToDictionary(a => a.Item1.Id);
        foreach (var step in new[] { hw1996, replaced })
        {
            var other = TestArticles.Make("other-" + live.Count, "Other", "Other news.", "1996-06-02T10:00:00Z", countries: ["US"], persons: ["Colin Powell"]);
            Write(path, [step, other]);
            (live[step.Item1.Id], live[other.Item1.Id]) = (step, other);
            index.RefreshNow();
            var rebuilt = Path.Combine(_root, "evidence-rebuilt-" + live.Count);
            Write(rebuilt, live.Values, rebuild: true);
            using var fresh = new SearchIndex(rebuilt);
            Assert.Equal(Elder(new ArticleSearcher(fresh)), Elder(searcher));
            Assert.Equal(PersonFacet(rebuilt).OrderBy(kv => kv.Key), PersonFacet(searcher).OrderBy(kv => kv.Key));
            Assert.Equal(Vocabulary(fresh), Vocabulary(index));
            Assert.Equal(step == hw1996, Elder(searcher).Contains("bush-1996"));
        }

        static List<string> Elder(ArticleSearcher searcher) =>
            [.. searcher.Search(new SearchRequest { Persons = ["George H. W. Bush"], PageSize = 50 }).Hits.Select(h => h.Id).Order()];
    }

    [Fact]
    public void Evidence_carried_over_refreshes_that_make_forms_ambiguous_or_not_matches_a_rebuild()
    {
        // Rounds of upserts over a small pool of ids, drawing full names, bare surnames and co-named persons: a second
        // "… Baker" or "… Bush" arriving makes the surname ambiguous, its last article replaced makes it plain again,
        // and co-mentions and years move the evidence. The live index carries its evidence from reader to reader; after
        // every round each person's articles and quotes, the facets and the vocabulary equal those of an index built
        // from the same articles at once.
        string[] persons = ["George H. W. Bush", "George W. Bush", "Bush", "James Baker", "Howard Baker", "Baker", "Dan Quayle",
            "Dick Cheney", "Colin Powell", "Mr Baker"];
        var random = new Random(23);
        (Summit.Engine.Articles.Article, Summit.Engine.Extraction.ArticleFacts) Draw(int id)
        {
            var named = Enumerable.Range(0, random.Next(1, 4)).Select(_ => persons[random.Next(persons.Length)]).Distinct().ToArray();
            var speaker = random.Next(3) == 0 ? named[0] : null;
            // A quote of its own text per article: a quote search groups one text's articles under the earliest.
            var quote = $"Talks on {random.Next()} went well.";
            return TestArticles.Make($"a-{id}", $"Article {id}", $"Washington news. {quote}", $"{1986 + random.Next(20)}-06-01T10:00:00Z",
                countries: ["US"], persons: named, quotes: speaker is null ? null : [(quote, speaker)]);
        }
        var live = new Dictionary<string, (Summit.Engine.Articles.Article, Summit.Engine.Extraction.ArticleFacts)>();
        foreach (var article in Enumerable.Range(0, 12).Select(Draw)) live[article.Item1.Id] = article;
        var path = Path.Combine(_root, "carried-live");
        Write(path, live.Values, rebuild: true);
        using var index = new SearchIndex(path);
        var searcher = new ArticleSearcher(index);
        _ = PersonFacet(searcher);
        var ambiguityChanged = 0;
        for (var round = 0; round < 12; round++)
        {
            var before = Ambiguous(index);
            var step = Enumerable.Range(0, 3).Select(_ => Draw(random.Next(16))).GroupBy(a => a.Item1.Id).Select(g => g.Last()).ToList();
            Write(path, step);
            foreach (var article in step) live[article.Item1.Id] = article;
            index.RefreshNow();
            if (!before.SetEquals(Ambiguous(index))) ambiguityChanged++;
            var rebuilt = Path.Combine(_root, $"carried-rebuilt-{round}");
            Write(rebuilt, live.Values, rebuild: true);
            using var fresh = new SearchIndex(rebuilt);
            var freshSearcher = new ArticleSearcher(fresh);
            Assert.Equal(Everything(freshSearcher), Everything(searcher));
            Assert.Equal(Profiles(fresh), Profiles(index));
            Assert.Equal(Vocabulary(fresh), Vocabulary(index));
        }
        // The rounds did what they are for.
        Assert.True(ambiguityChanged >= 2, $"ambiguity changed in {ambiguityChanged} rounds");

        static HashSet<string> Ambiguous(SearchIndex index)
        {
            using var lease = index.Acquire();
            return [.. ArchiveEntities.For(lease.Searcher.IndexReader).Registry.AmbiguousForms];
        }

        // What the evidence holds of each candidate, which a resolution may not show yet.
        static string Profiles(SearchIndex index)
        {
            using var lease = index.Acquire();
            var archive = ArchiveEntities.For(lease.Searcher.IndexReader);
            var candidates = archive.Registry.AmbiguousForms.SelectMany(archive.Registry.CandidatesOf).Select(c => c.Name).Distinct().Order(StringComparer.Ordinal);
            return string.Join('\n', candidates.Select(c => archive.ProfileOf(c) is var p
                ? $"{c} {p.FirstYear}-{p.LastYear}: {string.Join(' ', p.CoMentions.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"))}" : ""));
        }

        static string Everything(ArticleSearcher searcher)
        {
            var facets = searcher.Search(new SearchRequest { FacetLimit = 100 }).Facets;
            var lines = new List<string>();
            foreach (var value in facets.Person.Concat(facets.Speaker))
            {
                var articles = searcher.Search(new SearchRequest { Persons = [value.Value], PageSize = 100 }).Hits.Select(h => h.Id).Order();
                var quotes = searcher.SearchQuotes(new QuoteSearchRequest { Speakers = [value.Value], PageSize = 100 }).Hits.Select(h => h.ArticleId).Order();
                lines.Add($"{value.Value} {value.Count}: {string.Join(' ', articles)} | {string.Join(' ', quotes)}");
            }
            return string.Join('\n', lines.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Two Bushes of equal frequency, so "Bush" alone is ambiguous; three articles name him bare.</summary>
    private static IEnumerable<(Summit.Engine.Articles.Article, Summit.Engine.Extraction.ArticleFacts)> Bushes()
    {
        (string Id, string Year, string[] Persons)[] rows =
        [
            ("hw-1", "1988", ["George H. W. Bush", "Dan Quayle"]), ("hw-2", "1989", ["George H. W. Bush", "Dan Quayle"]),
            ("hw-3", "1990", ["George H. W. Bush", "Colin Powell"]),
            ("w-1", "2001", ["George W. Bush", "Dick Cheney"]), ("w-2", "2004", ["George W. Bush", "Dick Cheney"]),
            ("w-3", "2002", ["George W. Bush", "Colin Powell"]),
            ("bush-1988", "1988", ["Bush", "Dan Quayle"]), ("bush-2004", "2004", ["Bush", "Dick Cheney"]), ("bush-1996", "1996", ["Bush"]),
        ];
        foreach (var (id, year, persons) in rows)
            yield return TestArticles.Make(id, $"Article {id}", "Washington news.", $"{year}-06-01T10:00:00Z", countries: ["US"], persons: persons,
                quotes: id == "bush-2004" ? [("Washington news.", "Bush")] : null);
    }

    [Fact]
    public void A_surname_resolved_on_its_article_s_evidence_is_counted_filtered_and_shown_as_that_person_in_articles_and_quotes()
    {
        var path = Path.Combine(_root, "bushes");
        Write(path, Bushes(), rebuild: true);
        using var index = new SearchIndex(path);
        var searcher = new ArticleSearcher(index);

        var facet = PersonFacet(searcher);
        Assert.Equal(4, facet["George H. W. Bush"]);
        Assert.Equal(4, facet["George W. Bush"]);
        Assert.False(facet.ContainsKey("Bush"));

        var elder = searcher.Search(new SearchRequest { Persons = ["George H. W. Bush"], PageSize = 20 });
        Assert.Equal(["bush-1988", "hw-1", "hw-2", "hw-3"], elder.Hits.Select(h => h.Id).Order());
        Assert.Contains("George H. W. Bush", elder.Hits.Single(h => h.Id == "bush-1988").Persons);
        // The person: query term finds what the filter finds.
        var byTerm = searcher.Search(new SearchRequest { Query = "person:\"George H. W. Bush\"", PageSize = 20 });
        Assert.Equal(elder.Hits.Select(h => h.Id).Order(), byTerm.Hits.Select(h => h.Id).Order());
        Assert.Equal(["bush-2004"], searcher.Search(new SearchRequest { Query = "speaker:\"George W. Bush\"" }).Hits.Select(h => h.Id));

        var younger = searcher.Search(new SearchRequest { Speakers = ["George W. Bush"], PageSize = 20 });
        Assert.Equal("bush-2004", Assert.Single(younger.Hits).Id);
        Assert.Equal(["George W. Bush"], younger.Hits[0].Speakers);

        var quote = Assert.Single(searcher.SearchQuotes(new QuoteSearchRequest { Speakers = ["George W. Bush"] }).Hits);
        Assert.Equal(("George W. Bush", "bush-2004"), (quote.Speaker, quote.ArticleId));

        var article = searcher.GetArticle("bush-2004")!;
        Assert.Contains(article.Persons, p => p.Name == "George W. Bush");
        Assert.Equal("George W. Bush", Assert.Single(article.Quotes).Speaker);
        Assert.DoesNotContain(searcher.GetArticle("bush-1996")!.Persons, p => p.Name.Contains("Bush", StringComparison.Ordinal));
    }
}
