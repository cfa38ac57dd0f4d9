namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// Nothing names the speaker and no person precedes the quote in its paragraph: the subject of the latest reporting verb
/// or sentence before it. Not a one-word quote.
/// </summary>
internal sealed class LatestSource : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.IsPhrase ? article.LatestSource(quote.Quote.Open) : null;
}
