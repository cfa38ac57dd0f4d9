using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Extraction;

/// <summary>The article the project was created from: its quotes, speakers, persons and countries.</summary>
public class SeedArticleTests
{
    private static readonly ArticleFacts Facts = ExtractSeed();

    private static ArticleFacts ExtractSeed()
    {
        const string dateline = "Moscow (AFP) - ";
        var text = File.ReadAllText(RepoPaths.SeedArticle);
        Assert.StartsWith(dateline, text);
        return Extractor.Default.Extract(new Article("seed", "Xi in Moscow", text[dateline.Length..], Dateline: "Moscow"));
    }

    [Fact]
    public void Every_quote_has_the_expected_speaker()
    {
        (string Start, string? Speaker)[] expected =
        [
            ("great neighbouring powers", "Xi Jinping"),
            ("continue to prioritise", "Xi Jinping"),
            ("We are great neighbouring powers", "Xi Jinping"),
            ("historic", "Ukraine's foreign ministry"),
            ("a sign of solidarity", "Ukraine's foreign ministry"),
            ("dear friend", "Xi Jinping"),
            ("stalling tactic", "Washington"),
            ("suggests that China feels no responsibility", "Antony Blinken"),
            ("And instead of even condemning", "Antony Blinken"),
            ("solidarity and support", "Fumio Kishida"),
            ("impartial", "Beijing"),
            ("Russian conquest", "United States"),
        ];

        Assert.Equal(expected.Length, Facts.Quotes.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i].Start, Facts.Quotes[i].Text);
            Assert.Equal(expected[i].Speaker, Facts.Quotes[i].Speaker);
        }
    }

    [Fact]
    public void A_quoted_heading_is_not_a_quote()
    {
        Assert.DoesNotContain(Facts.Quotes, q => q.Text.Contains("Constructive role"));
    }

    [Fact]
    public void Speakers_include_Xi_and_Blinken()
    {
        Assert.Contains("Xi Jinping", Facts.Speakers);
        Assert.Contains("Antony Blinken", Facts.Speakers);
    }

    [Fact]
    public void Countries_include_the_five_named()
    {
        foreach (var code in new[] { "RU", "CN", "UA", "JP", "US" })
            Assert.Contains(code, Facts.Countries);
    }

    [Fact]
    public void Persons_have_full_names_with_surname_mentions_merged()
    {
        var names = Facts.Persons.Select(p => p.Name).ToList();
        Assert.Contains("Fumio Kishida", names);
        Assert.Contains("Mikhail Mishustin", names);
        var putin = Assert.Single(Facts.Persons, p => p.Name == "Vladimir Putin");
        Assert.True(putin.Mentions.Count > 5, $"Putin mentions: {putin.Mentions.Count}");
        Assert.DoesNotContain("Putin", names);
        Assert.DoesNotContain("Xi", names);
    }
}
