using System.Text.Json;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Tests.Search;

public sealed class StoredQuotesTests
{
    private static readonly ArticleFacts Facts = new(
        [new Quote(4, 20, "We will act \"now\" \u00E9t\u00E9.", "Maria Lopez"), new Quote(30, 44, "It is late.", "Tory leader") { RoleHolder = "Michael Howard" }],
        [new PersonMention("Maria Lopez", [new Span(50, 61)])],
        [new PlaceMention("Paris", "FR", [new Span(70, 75)])],
        ["FR"]);

    [Fact]
    public void A_hit_reads_the_quotes_of_the_facts_the_index_stores()
    {
        var document = ArticleDocuments.Create(new Summit.Engine.Articles.Article("a1", "Title", "Body"), Facts)[0];

        var quotes = ArticleSearcher.ReadQuotes(document.Get(SummitSchema.FactsJson));

        Assert.Equal(Facts.Quotes, quotes);
        Assert.Equal("Michael Howard", quotes[1].FacetSpeaker);
    }

    [Fact]
    public void Facts_laid_out_another_way_are_read_whole_and_broken_ones_give_no_quotes()
    {
        var reordered = $"{{\"persons\":[],\"quotes\":{JsonSerializer.Serialize(Facts.Quotes, ArticleDocuments.FactsJsonOptions)}}}";

        Assert.Equal(Facts.Quotes, ArticleSearcher.ReadQuotes(reordered));
        Assert.Empty(ArticleSearcher.ReadQuotes("{\"quotes\":[{\"start\":"));
        Assert.Empty(ArticleSearcher.ReadQuotes(null));
    }
}
