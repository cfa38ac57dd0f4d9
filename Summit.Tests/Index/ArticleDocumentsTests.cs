using Lucene.Net.Index;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Index;

public sealed class ArticleDocumentsTests
{
    [Fact]
    public void The_speaker_facet_holds_names_and_a_described_speaker_stays_on_its_quote_only()
    {
        const string body = "\"Rates will rise,\" analysts said. \"We disagree,\" said Jane Doe. \"Fine,\" the Kremlin said.";
        var article = new Article("a1", "Rates", body);
        Quote Q(string text, string speaker) => new(body.IndexOf(text, StringComparison.Ordinal), body.IndexOf(text, StringComparison.Ordinal) + text.Length, text, speaker);
        var facts = new ArticleFacts([Q("Rates will rise,", "analysts"), Q("We disagree,", "Jane Doe"), Q("Fine,", "Kremlin")], [], [], []);

        var docs = ArticleDocuments.Create(article, facts);

        static string[] FacetValues(Lucene.Net.Documents.Document doc) =>
            doc.Fields.Where(f => f.Name == SummitSchema.Speaker && f.IndexableFieldType.IsIndexed).Select(f => f.GetStringValue()).ToArray();
        Assert.Equal(["Jane Doe", "Kremlin"], FacetValues(docs[0]));
        Assert.Equal(["Jane Doe", "Kremlin"], facts.Speakers);
        var described = docs.Single(d => d.Get(SummitSchema.QuoteText) == "Rates will rise,");
        Assert.Empty(FacetValues(described));
        Assert.DoesNotContain(described.Fields, f => f.Name == SummitSchema.Speaker && f.IndexableFieldType.DocValueType != DocValuesType.NONE);
        Assert.Equal("analysts", described.Get(SummitSchema.Speaker));
        Assert.Equal(["Jane Doe"], FacetValues(docs.Single(d => d.Get(SummitSchema.QuoteText) == "We disagree,")));
    }
}
