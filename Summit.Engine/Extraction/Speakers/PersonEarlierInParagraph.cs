namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// Nothing names the speaker: a quote in news is nearly always someone's, and the person named last before it in its
/// paragraph is likelier than the article's latest source. Not a one-word quote: with no speaker it is a scare quote.
/// </summary>
internal sealed class PersonEarlierInParagraph : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.IsPhrase ? article.PersonEarlierInParagraph(quote.Open) : null;
}
