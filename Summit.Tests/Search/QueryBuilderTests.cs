using Summit.Engine.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Search;

public sealed class QueryBuilderTests
{
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
        return new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
    }

    private static Query Build(IndexSearcher searcher, string text) =>
        new QueryBuilder(SummitSchema.CreateAnalyzer(), Vocabulary.For(searcher), searcher.IndexReader, SearchTarget.Articles)
            .Build(QuerySyntax.Parse(text)!)!;

    private static HashSet<string> Fields(IndexSearcher searcher, Query query)
    {
        var terms = new HashSet<Term>();
        searcher.Rewrite(query).ExtractTerms(terms);
        return terms.Select(t => t.Field).ToHashSet();
    }

    [Fact]
    public void A_text_analysed_once_per_kind_gives_every_field_the_query_lucene_makes_for_it()
    {
        var searcher = Searcher("Talks on trade resumed.");
        var builder = new QueryBuilder(SummitSchema.CreateAnalyzer(), Vocabulary.For(searcher), searcher.IndexReader, SearchTarget.Articles);
        var lucene = new Lucene.Net.Util.QueryBuilder(SummitSchema.CreateAnalyzer());
        string[] fields =
        [
            SummitSchema.Title, SummitSchema.Body, SummitSchema.Quote, SummitSchema.QuoteText,
            SummitSchema.TitleExact, SummitSchema.BodyExact, SummitSchema.QuoteExact, SummitSchema.QuoteTextExact,
        ];
        var compared = 0;
        // One word, several, stop words inside and around (position gaps), possessives, nothing to search.
        foreach (var text in new[] { "trade", "Trade talks", "the talks of the union", "Merkel's plan for the", "the", "--", "Zürich ‘views’" })
            foreach (var slop in new[] { 0, 3 })
                foreach (var field in fields)
                {
                    var expected = lucene.CreatePhraseQuery(field, text, slop);
                    Assert.Equal(expected, builder.PhraseIn(field, text, slop));
                    if (expected is not null) compared++;
                }
        Assert.True(compared > 80, $"only {compared} queries compared");
    }

    [Fact]
    public void A_word_with_no_other_form_in_the_index_searches_only_the_stemmed_fields()
    {
        var searcher = Searcher("Oil prices rose.", "Oil output fell.", "Grain was cheap.");

        var fields = Fields(searcher, Build(searcher, "oil"));

        Assert.Contains(SummitSchema.Body, fields);
        Assert.DoesNotContain(SummitSchema.BodyExact, fields);
    }

    [Fact]
    public void A_word_whose_stem_has_other_forms_keeps_its_exact_clause_and_ranks_the_typed_form_first()
    {
        // "talks" and "talk" share a stem; the story with the typed form must rank first even though the other
        // story has the stem more often.
        var searcher = Searcher("The talk went on. Talk, talk and more talk about a talk show.", "The talks went on.");
        var query = Build(searcher, "talks");

        var fields = Fields(searcher, query);
        var top = searcher.Search(query, 2);

        Assert.Contains(SummitSchema.BodyExact, fields);
        Assert.Equal("a1", searcher.Doc(top.ScoreDocs[0].Doc).Get(SummitSchema.Id));
    }

    [Theory]
    [InlineData("\"talks resumed\"", "a0")]
    [InlineData("\"rate of inflation\"", "a3")]
    [InlineData("\"bank's rates\"", "a4")]
    public void A_phrase_finds_and_scores_what_its_stemmed_and_exact_phrases_side_by_side_do_and_ranks_the_typed_words_first(string text, string first)
    {
        // The exact phrase is looked for only where the stemmed phrase matched; that must change neither the matches
        // nor the scores of the two phrases as plain alternatives.
        var searcher = Searcher("Talks resumed on Monday.", "The talk resumes today, and talks resume.", "Rates of inflations rose.",
            "The rate of inflation fell, rates of inflation rose.", "The bank's rates rose.", "Bank rate talk. Talks were resumed.", "Nothing here.");
        var query = Build(searcher, text);
        var sideBySide = new BooleanQuery(disableCoord: true);
        foreach (var clause in ((BooleanQuery)query).Clauses)
        {
            if (clause.Query is BooleanQuery { Clauses: [{ Occur: Occur.MUST } stemmed, { Occur: Occur.SHOULD } exact] })
            {
                sideBySide.Add(stemmed.Query, Occur.SHOULD);
                sideBySide.Add(exact.Query, Occur.SHOULD);
            }
            else sideBySide.Add(clause.Query, clause.Occur);
        }

        var found = searcher.Search(query, 20).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        var expected = searcher.Search(sideBySide, 20).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

        Assert.True(found.Count >= 2, $"{text} matches {found.Count} documents: too few to compare");
        Assert.Equal(expected.Keys.Order(), found.Keys.Order());
        Assert.All(found, kv => Assert.Equal(expected[kv.Key], kv.Value, 5));
        Assert.Equal(first, searcher.Doc(found.MaxBy(kv => kv.Value).Key).Get(SummitSchema.Id));
    }

    [Theory]
    [InlineData("oil")]
    [InlineData("talks")]
    [InlineData("prices AND talks")]
    public void Folding_the_exact_clause_does_not_change_which_documents_match(string text)
    {
        var searcher = Searcher("Oil prices rose as talks began.", "Oil talk in Oslo.", "Prices of oil and grain.", "Talks failed.");
        var query = Build(searcher, text);

        var matched = searcher.Search(query, 10).ScoreDocs.Select(d => d.Doc).Order().ToList();
        // The same words over the stemmed body alone: every exact match is also a stemmed match.
        var parser = new Lucene.Net.QueryParsers.Classic.QueryParser(SummitSchema.Version, SummitSchema.Body, SummitSchema.CreateAnalyzer())
            { DefaultOperator = Lucene.Net.QueryParsers.Classic.Operator.AND };
        var kind = new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle));
        var expected = searcher.Search(new BooleanQuery { { parser.Parse(text), Occur.MUST }, { kind, Occur.MUST } }, 10)
            .ScoreDocs.Select(d => d.Doc).Order().ToList();
        var articlesMatched = matched.Where(d => searcher.Doc(d).Get(SummitSchema.Kind) == SummitSchema.KindArticle).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, articlesMatched);
    }
}
