using Summit.Engine.Search;

namespace Summit.Tests.Search;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    [InlineData("The  United   States", "united states")]
    [InlineData("U.S.", "us")]
    [InlineData("Timor-Leste", "timor leste")]
    [InlineData("Xi\u2019s  Moscow trip", "xis moscow trip")]
    [InlineData("  Türkiye ", "turkiye")]
    [InlineData("theatre", "theatre")]
    [InlineData("", "")]
    public void Fold_lowers_drops_accents_dots_apostrophes_and_a_leading_the_and_keeps_single_spaces(string text, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(text));
    }
}
