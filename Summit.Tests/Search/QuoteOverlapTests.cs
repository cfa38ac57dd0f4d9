using Summit.Engine.Extraction;
using Summit.Engine.Search;

namespace Summit.Tests.Search;

public sealed class QuoteOverlapTests
{
    private static Quote Q(string text, string? speaker = "Xi Jinping") => new(0, text.Length, text, speaker);

    [Fact]
    public void A_quote_inside_a_longer_one_of_the_same_article_shows_once_as_the_longer()
    {
        var quotes = new[] { Q("great neighbouring powers"), Q("We are great neighbouring powers,"), Q("Something else.") };

        var kept = QuoteOverlap.Distinct(quotes);

        Assert.Equal(["We are great neighbouring powers,", "Something else."], kept.Select(q => q.Text));
    }

    [Fact]
    public void The_same_words_twice_show_once()
    {
        var kept = QuoteOverlap.Distinct([Q("We will not back down."), Q("\u201Cwe will not  back down,\u201D"), Q("No.")]);

        Assert.Equal(["We will not back down.", "No."], kept.Select(q => q.Text));
    }
}
