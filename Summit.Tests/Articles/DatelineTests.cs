using Summit.Engine.Articles;

namespace Summit.Tests.Articles;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("Moscow (AFP) - Chinese leader arrived.", "Moscow", "AFP")]
    [InlineData("WASHINGTON (Reuters) -- The Senate voted.", "Washington", "Reuters")]
    [InlineData("NEW YORK, March 3 (Reuters) - Stocks rose.", "New York", "Reuters")]
    [InlineData("Rio de Janeiro (AP) — Rain fell.", "Rio de Janeiro", "AP")]
    [InlineData("BEIRUT - Protesters gathered.", "Beirut", null)]
    public void Finds_place_and_source(string body, string place, string? source)
    {
        var dateline = Dateline.Parse(body);

        Assert.NotNull(dateline);
        Assert.Equal(place, dateline.Place);
        Assert.Equal(source, dateline.Source);
        Assert.True(char.IsLetter(body[dateline.Length]));
    }

    [Theory]
    [InlineData("Putin - who was re-elected - spoke.")]
    [InlineData("The talks (held in Geneva) ended.")]
    [InlineData("")]
    public void Ordinary_sentences_have_no_dateline(string body) => Assert.Null(Dateline.Parse(body));
}
