using System.Text;
using Lucene.Net.Documents;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Reliability;

/// <summary>The per-article limits of <see cref="ArticleDocuments"/>: they bite on abnormal articles only, and say so.</summary>
public sealed class ArticleLimitsTests : InputAndIndexFolders
{
    private static string[] Values(Document doc, string field) =>
        doc.Fields.Where(f => f.Name == field && f.IndexableFieldType.IsIndexed).Select(f => f.GetStringValue()).ToArray();

    /// <summary>Persons "Person 0" … "Person n-1", one mention each, 100 characters apart; one quote at the end.</summary>
    private static (Article Article, ArticleFacts Facts) ManyPersons(int count)
    {
        var persons = Enumerable.Range(0, count).Select(i => new PersonMention($"Person {i}", [new Span(i * 100, i * 100 + 8)])).ToList();
        var quoteStart = count * 100;
        var body = new string('x', quoteStart) + "\"Quoted.\"";
        var facts = new ArticleFacts([new Quote(quoteStart + 1, quoteStart + 8, "Quoted.", null)], persons, [], []);
        return (new Article("many", "Many persons", body), facts);
    }

    [Fact]
    public void A_quote_carries_every_person_of_an_article_with_up_to_the_limit()
    {
        var (article, facts) = ManyPersons(ArticleDocuments.MaxFacetValuesPerQuote);

        var quote = ArticleDocuments.Create(article, facts)[1];

        Assert.Equal(facts.Persons.Select(p => p.Name), Values(quote, SummitSchema.Person));
    }

    [Fact]
    public void Past_the_limit_a_quote_carries_the_persons_mentioned_nearest_to_it()
    {
        var (article, facts) = ManyPersons(3 * ArticleDocuments.MaxFacetValuesPerQuote);

        var docs = ArticleDocuments.Create(article, facts);

        // The article document keeps them all; the quote (after the last mention) the last 100, in article order.
        Assert.Equal(facts.Persons.Count, Values(docs[0], SummitSchema.Person).Length);
        Assert.Equal(facts.Persons.TakeLast(ArticleDocuments.MaxFacetValuesPerQuote).Select(p => p.Name), Values(docs[1], SummitSchema.Person));
        Assert.Empty(ArticleDocuments.LimitWarnings(article, facts));
    }

    [Fact]
    public void Quotes_past_the_limit_get_no_document_of_their_own_and_a_warning_says_so()
    {
        var count = ArticleDocuments.MaxQuoteDocuments + 7;
        var quotes = Enumerable.Range(0, count).Select(i => new Quote(i * 10, i * 10 + 5, $"q{i:D4}", null)).ToList();
        var article = new Article("quotes", "Many quotes", new string('x', count * 10));
        var facts = new ArticleFacts(quotes, [], [], []);

        var docs = ArticleDocuments.Enumerate(article, facts).ToList();

        Assert.Equal(1 + ArticleDocuments.MaxQuoteDocuments, docs.Count);
        Assert.Equal(count, docs[0].GetValues(SummitSchema.Quote).Length); // the article keeps every quote
        var warning = Assert.Single(ArticleDocuments.LimitWarnings(article, facts));
        Assert.Contains($"has {count:N0} quotes; only the first {ArticleDocuments.MaxQuoteDocuments:N0} are searchable as quotes", warning);
    }

    [Fact]
    public void A_huge_title_is_stored_whole_on_the_article_and_cut_on_its_quotes()
    {
        var title = string.Concat(Enumerable.Repeat("Headline ", 2_000));
        var article = new Article("t", title, "\"Quoted,\" she said.", Author: "A. Writer");
        var facts = new ArticleFacts([new Quote(1, 8, "Quoted,", null)], [], [], []);

        var docs = ArticleDocuments.Create(article, facts);

        Assert.Equal(title, docs[0].Get(SummitSchema.Title));
        var cut = docs[1].Get(SummitSchema.Title);
        Assert.Equal(ArticleDocuments.MaxCopiedLength, cut.Length);
        Assert.EndsWith("…", cut);
        Assert.Equal("A. Writer", docs[1].Get(SummitSchema.Author));
        Assert.Contains("the title is over 2,000 characters", Assert.Single(ArticleDocuments.LimitWarnings(article, facts)));
    }

    [Fact]
    public void The_indexer_reports_an_article_over_the_quote_limit_as_a_warning_and_indexes_it()
    {
        var body = new StringBuilder();
        for (var i = 0; i < ArticleDocuments.MaxQuoteDocuments + 100; i++)
            body.Append($"\"Prices will rise by {i} percent this year,\" the minister said.\n\n");
        Input.File("quotes.json", System.Text.Json.JsonSerializer.Serialize(new { id = "quotes", title = "Many quotes", body = body.ToString() }));

        var summary = IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());

        Assert.Equal(1, summary.Indexed);
        Assert.Contains(summary.WarningMessages, w => w.Contains("quotes.json: the article has 5,100 quotes; only the first 5,000 are searchable as quotes"));
        var stats = IndexStats.Read(Index.Path);
        Assert.Equal((1, ArticleDocuments.MaxQuoteDocuments), (stats.Articles, stats.Quotes));
    }
}
