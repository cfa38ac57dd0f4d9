using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Index;

/// <summary>
/// Text fields are indexed from words split once per text (<see cref="AnalyzedText"/>) and searched with the
/// query-time analyzer: the index must hold exactly what that analyzer makes of the text.
/// </summary>
public sealed class AnalyzedTextTests
{
    private static readonly string[] TextFields =
    [
        SummitSchema.Title, SummitSchema.TitleExact, SummitSchema.Body, SummitSchema.BodyExact,
        SummitSchema.Quote, SummitSchema.QuoteExact, SummitSchema.QuoteText, SummitSchema.QuoteTextExact,
    ];

    [Fact]
    public void Indexed_words_positions_and_offsets_are_those_of_the_query_analyzer()
    {
        var articles = ArticleReader.Read(RepoPaths.Seeds).OfType<ArticleRead>().Select(r => r.Article).ToList();
        Assert.NotEmpty(articles);
        articles.Add(new Article("edges", "Obama’s plan: O'Neil's and JAMES'S ‘views’, Biden′s “deal” of the",
            "\"We will fight for it,\" said Jane Doe. \"It is not over, and that is what we are here for,\" she said. " +
            "Café Zürich ŒUVRE naïve façade — ﬁnance 北京 2026-12-07 e-mail U.S. the of and " + new string('x', 300) + " tail. " +
            "\"Short,\" Mr. Smith's aide said. \"It ends in a word too long to index: " + new string('y', 300) + ",\" he said. " +
            "\"Then the next quote goes on,\" he said. \"The end of it is the\""));

        using var indexed = Build(articles, SummitSchema.CreateIndexAnalyzer(), doc => doc);
        using var analysed = Build(articles, SummitSchema.CreateAnalyzer(), AsStrings);

        Assert.Equal(analysed.MaxDoc, indexed.MaxDoc);
        var compared = 0;
        foreach (var field in TextFields)
            compared += AssertSamePostings(field, analysed, indexed);
        Assert.True(compared > 1_000, $"only {compared} positions compared");
        for (var doc = 0; doc < indexed.MaxDoc; doc++)
            Assert.Equal(Stored(analysed.Document(doc)), Stored(indexed.Document(doc)));
    }

    [Fact]
    public void A_possessive_is_dropped_after_any_apostrophe_that_folds_to_one()
    {
        Assert.Equal(["obama", "merkel", "o'neil"], Terms(SummitSchema.Body, "Obama’s Merkel‘s O'Neil's"));
        Assert.Equal(["obama's", "merkel's", "o'neil's"], Terms(SummitSchema.BodyExact, "Obama’s Merkel‘s O'Neil's"));
    }

    private static List<string> Terms(string field, string text)
    {
        using var stream = SummitSchema.CreateAnalyzer().GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    [Fact]
    public void Words_given_to_the_query_analyzer_fail_loudly_instead_of_indexing_nothing()
    {
        var article = new Article("a1", "Rates", "\"Rates will rise,\" said Jane Doe.");
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer()));

        var error = Assert.Throws<InvalidOperationException>(() => writer.AddDocuments(ArticleDocuments.Create(article, Extractor.Default.Extract(article))));
        Assert.Contains("CreateIndexAnalyzer", error.Message);
    }

    private static DirectoryReader Build(IEnumerable<Article> articles, Lucene.Net.Analysis.Analyzer analyzer, Func<Document, Document> convert)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, analyzer)))
            foreach (var article in articles)
                writer.AddDocuments(ArticleDocuments.Enumerate(article, Extractor.Default.Extract(article)).Select(convert));
        return DirectoryReader.Open(directory);
    }

    /// <summary>The same document with each text field given as its string: stored, indexed by the query-time analyzer.</summary>
    private static Document AsStrings(Document doc)
    {
        var fromWords = doc.Fields.Where(f => f.GetReaderValue() is AnalyzedText).Select(f => f.Name).ToHashSet();
        var converted = new Document();
        foreach (var field in doc.Fields)
        {
            if (field.GetReaderValue() is AnalyzedText) continue;
            if (fromWords.Contains(field.Name) && SummitSchema.ExactTwin(field.Name) is { } twin)
            {
                converted.Add(new Field(field.Name, field.GetStringValue(), ArticleDocuments.StoredTextWithOffsets));
                converted.Add(new Field(twin, field.GetStringValue(), ArticleDocuments.ExactText));
            }
            else converted.Add(field);
        }
        return converted;
    }

    private static int AssertSamePostings(string field, IndexReader expected, IndexReader actual)
    {
        var expectedTerms = MultiFields.GetTerms(expected, field);
        var actualTerms = MultiFields.GetTerms(actual, field);
        Assert.NotNull(expectedTerms);
        Assert.NotNull(actualTerms);
        var expectedEnum = expectedTerms.GetEnumerator();
        var actualEnum = actualTerms.GetEnumerator();
        var positions = 0;
        while (expectedEnum.MoveNext())
        {
            Assert.True(actualEnum.MoveNext(), $"{field}: '{expectedEnum.Term.Utf8ToString()}' is missing");
            Assert.Equal(expectedEnum.Term.Utf8ToString(), actualEnum.Term.Utf8ToString());
            var want = expectedEnum.DocsAndPositions(null, null)!;
            var got = actualEnum.DocsAndPositions(null, null)!;
            while (want.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                Assert.Equal(want.DocID, got.NextDoc());
                Assert.Equal(want.Freq, got.Freq);
                for (var i = 0; i < want.Freq; i++)
                {
                    var where = $"{field}: '{expectedEnum.Term.Utf8ToString()}' in doc {want.DocID}";
                    Assert.True(want.NextPosition() == got.NextPosition(), $"{where}: position");
                    Assert.True((want.StartOffset, want.EndOffset) == (got.StartOffset, got.EndOffset), $"{where}: offsets");
                    positions++;
                }
            }
            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, got.NextDoc());
        }
        Assert.False(actualEnum.MoveNext(), $"{field}: '{actualEnum.Term?.Utf8ToString()}' is extra");
        return positions;
    }

    private static List<(string Name, string? Value)> Stored(Document doc) =>
        doc.Fields.Select(f => (f.Name, f.GetStringValue() ?? f.GetInt64Value()?.ToString() ?? f.GetInt32Value()?.ToString())).ToList();
}
