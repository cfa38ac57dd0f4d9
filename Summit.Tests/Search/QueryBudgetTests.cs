using Summit.Engine.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Search;

/// <summary>
/// The query budget: however a query is written, typo tolerance and proximity stay within fixed caps, so no single
/// request costs much more than an ordinary one. Each test would fail on a builder without the cap.
/// </summary>
public sealed class QueryBudgetTests
{
    private static readonly string[] Exact = [SummitSchema.TitleExact, SummitSchema.QuoteExact, SummitSchema.BodyExact];

    /// <summary>Made-up lower-case words of the given length, distinct, deterministic.</summary>
    private static List<string> MadeUpWords(int count, int length, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>();
        while (words.Count < count)
            words.Add(new string(Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        return words.ToList();
    }

    /// <summary>The word with its last letter changed: one edit away, so a typo search for one finds the other.</summary>
    private static string Neighbour(string word) => word[..^1] + (word[^1] == 'z' ? 'y' : (char)(word[^1] + 1));

    private static IndexSearcher Searcher(params string[] bodies)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateIndexAnalyzer())))
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                var article = new Article($"a{i}", $"Story {i}", bodies[i]);
                writer.AddDocuments(ArticleDocuments.Create(article, Extractor.Default.Extract(article)));
            }
        }
        return new IndexSearcher(DirectoryReader.Open(directory));
    }

    private static (QueryBuilder Builder, Query Query) BuildWithTypos(IndexSearcher searcher, string text)
    {
        var builder = new QueryBuilder(SummitSchema.CreateAnalyzer(), Vocabulary.For(searcher), searcher.IndexReader, SearchTarget.Articles,
            new FuzzyExpansions(searcher.IndexReader));
        return (builder, builder.Build(QuerySyntax.Parse(text)!)!);
    }

    /// <summary>The terms of the unstemmed fields the rewritten query searches that are not words of the query: the
    /// typo expansions.</summary>
    private static List<Term> Expansions(IndexSearcher searcher, Query query, IEnumerable<string> typed)
    {
        var terms = new HashSet<Term>();
        searcher.Rewrite(query).ExtractTerms(terms);
        var words = typed.ToHashSet();
        return terms.Where(t => Exact.Contains(t.Field) && !words.Contains(t.Text)).ToList();
    }

    [Fact]
    public void A_query_of_64_made_up_words_expands_at_most_three_of_them()
    {
        // Every query word has an indexed neighbour one edit away, so without a budget all 64 would expand.
        var words = MadeUpWords(64, 10, seed: 7);
        var searcher = Searcher(string.Join(' ', words.Take(32).Select(Neighbour)) + ".", string.Join(' ', words.Skip(32).Select(Neighbour)) + ".");

        var (builder, query) = BuildWithTypos(searcher, string.Join(' ', words));
        var expansions = Expansions(searcher, query, words);
        var expandedWords = words.Where(w => expansions.Any(t => t.Text == Neighbour(w))).ToList();

        Assert.True(builder.UsedTypoTolerance);
        // The first three misspelt words in the order typed, no others.
        Assert.Equal(words.Take(3), expandedWords);
        Assert.Equal(words.Take(3), builder.TypoWords);
        Assert.Equal(61, builder.TypoWordsOverBudget);
        // Across the query: three words, three fields, at most 50 terms each.
        Assert.InRange(expansions.Count, 1, 3 * 3 * 50);
    }

    [Fact]
    public void The_budget_counts_a_misspelt_word_typed_twice_once()
    {
        var words = MadeUpWords(4, 9, seed: 11);
        var searcher = Searcher(string.Join(' ', words.Select(Neighbour)) + ".");

        var (builder, query) = BuildWithTypos(searcher, $"{words[0]} {words[0]} {words[1]} {words[2]} {words[3]}");
        var expansions = Expansions(searcher, query, words);

        Assert.Equal(words.Take(3), builder.TypoWords);
        Assert.Equal(1, builder.TypoWordsOverBudget);
        Assert.DoesNotContain(expansions, t => t.Text == Neighbour(words[3]));
    }

    [Fact]
    public void A_query_with_up_to_three_misspelt_words_corrects_them_all_as_before()
    {
        var searcher = Searcher("Negotiations on the harbour closure resumed in Geneva.");

        var (builder, query) = BuildWithTypos(searcher, "negotiatoins harbuor Genva");
        var expansions = Expansions(searcher, query, ["negotiatoins", "harbuor", "genva"]).Select(t => t.Text).ToHashSet();

        Assert.Equal(0, builder.TypoWordsOverBudget);
        Assert.Superset(new HashSet<string> { "negotiations", "harbour", "geneva" }, expansions);
    }

    [Fact]
    public void Expansions_sharing_a_words_automata_across_fields_equal_a_plain_fuzzy_query_in_every_field()
    {
        var searcher = Searcher("Negotiations on the harbour closure resumed in Geneva. \"Negotiators met,\" the harbourmaster said.",
            "Harbor talks: negotiation of the closure. \"Genevan negotiators are patient,\" an envoy said.");
        static string Show(Query query) => string.Join(", ", ((BooleanQuery)query).Clauses
            .Select(c => (TermQuery)c.Query).Select(t => $"{t.Term}^{t.Boost:R}").Order(StringComparer.Ordinal));

        Assert.Contains("body_exact:negotiations", Show(new FuzzyExpansions(searcher.IndexReader).For(SummitSchema.BodyExact, "negotiatoins")));
        foreach (var fields in new[] { Exact, Exact.Reverse().ToArray() })
        {
            var typos = new FuzzyExpansions(searcher.IndexReader);
            foreach (var word in new[] { "negotiatoins", "harbuor", "genva", "negotaitors" })
                foreach (var field in fields)
                {
                    var plain = new FuzzyQuery(new Term(field, word), QueryBuilder.AllowedEdits(word), prefixLength: 1).Rewrite(searcher.IndexReader);
                    Assert.Equal(Show(plain), Show(typos.For(field, word)));
                }
        }
    }

    [Fact]
    public void Only_the_first_long_misspelt_word_gets_two_edits_the_next_one()
    {
        var words = MadeUpWords(2, 10, seed: 13);
        // Each word's indexed neighbours: one two edits away (last two letters changed), one a single edit away.
        var twoAway = words.Select(w => Neighbour(Neighbour(w)[..^1]) + Neighbour(w)[^1]).ToList();
        var searcher = Searcher(string.Join(' ', twoAway) + " " + string.Join(' ', words.Select(Neighbour)) + ".");

        var (_, query) = BuildWithTypos(searcher, $"{words[0]} {words[1]}");
        var expansions = Expansions(searcher, query, words).Select(t => t.Text).ToHashSet();

        Assert.Contains(twoAway[0], expansions);
        Assert.Contains(Neighbour(words[0]), expansions);
        Assert.Contains(Neighbour(words[1]), expansions);
        Assert.DoesNotContain(twoAway[1], expansions);
    }

    [Fact]
    public void A_word_longer_than_twenty_letters_is_not_corrected()
    {
        var twenty = MadeUpWords(1, 20, seed: 3)[0];
        var longer = MadeUpWords(1, 21, seed: 5)[0];
        var searcher = Searcher($"{Neighbour(twenty)} and {Neighbour(longer)}.");

        var (builder, query) = BuildWithTypos(searcher, $"{twenty} OR {longer}");
        var expansions = Expansions(searcher, query, [twenty, longer]).Select(t => t.Text).ToList();

        Assert.Contains(Neighbour(twenty), expansions);
        Assert.DoesNotContain(Neighbour(longer), expansions);
        Assert.Equal([twenty], builder.TypoWords);
        Assert.Equal(0, QueryBuilder.AllowedEdits(longer));
    }
}

public sealed class PrefixAndProximityBudgetTests
{
    [Fact]
    public void Eight_prefixes_are_searched_and_a_ninth_is_refused_with_a_fix()
    {
        var eight = string.Join(' ', Enumerable.Range(0, 8).Select(i => $"{(char)('a' + i)}{(char)('a' + i)}*"));

        Assert.Equal(8, QuerySyntax.PositiveLeaves(QuerySyntax.Parse(eight)).Count());
        var error = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(eight + " zz*"));
        Assert.Contains("9 words ending in *", error.Message);
        // Scoped prefixes count too: each expands against the names of the index.
        Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(eight + " person:jo*"));
    }

    [Fact]
    public void The_proximity_boost_of_a_long_query_covers_its_first_eight_words()
    {
        var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateIndexAnalyzer())))
        {
            var article = new Article("a0", "Story", "The minister said that the talks with the union were over.");
            writer.AddDocuments(ArticleDocuments.Create(article, Extractor.Default.Extract(article)));
        }
        var searcher = new IndexSearcher(DirectoryReader.Open(directory));
        var words = "the minister said that the talks with the union were over and the the the".Split(' ');
        var builder = new QueryBuilder(SummitSchema.CreateAnalyzer(), Vocabulary.For(searcher), searcher.IndexReader, SearchTarget.Articles);

        var query = builder.Build(QuerySyntax.Parse(string.Join(' ', words))!)!;
        var sloppy = Flatten(query).OfType<PhraseQuery>().Where(p => p.Slop > 0).ToList();

        Assert.NotEmpty(sloppy);
        Assert.All(sloppy, p => Assert.Equal(words.Take(8), p.GetTerms().Select(t => t.Text)));
    }

    private static IEnumerable<Query> Flatten(Query query) =>
        query is BooleanQuery b ? b.Clauses.SelectMany(c => Flatten(c.Query)).Prepend(query) : [query];
}
