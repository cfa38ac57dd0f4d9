using Summit.Engine.Articles;

namespace Summit.Tests.Articles;

public sealed class UntitledTitleTests
{
    [Fact]
    public void A_long_first_sentence_is_cut_at_the_end_of_a_phrase_with_an_ellipsis()
    {
        var title = ArticleReader.TitleFromBody("Chinese leader Xi Jinping arrived at the Kremlin on Tuesday for formal talks with Russian "
            + "President Vladimir Putin, with the Ukraine conflict a closely-watched matter on the agenda.\nMore.");

        Assert.Equal("Chinese leader Xi Jinping arrived at the Kremlin on Tuesday for formal talks with Russian President Vladimir Putin…", title);
    }

    [Fact]
    public void Without_a_phrase_break_it_is_cut_after_a_word_that_ends_a_phrase()
    {
        var title = ArticleReader.TitleFromBody("The minister said on Monday that the government would consider every proposal that the "
            + "opposition parties put forward in the course of the long debate on the budget next year.");

        Assert.EndsWith("…", title);
        Assert.True(title.Length <= 121, title);
        var lastWord = title.TrimEnd('…').Split(' ')[^1];
        Assert.DoesNotContain(lastWord, new[] { "the", "of", "in", "on", "that", "with" });
        Assert.StartsWith(title.TrimEnd('…'), "The minister said on Monday that the government would consider every proposal that the "
            + "opposition parties put forward in the course of the long debate on the budget next year.");
    }
}
