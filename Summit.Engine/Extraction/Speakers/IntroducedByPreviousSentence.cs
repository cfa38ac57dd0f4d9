namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// The sentence before introduces the quote: it ends "X said:" (or, with no verb, "Sanders made the following comment:"),
/// ends with its reporting verb ("…, Schiff said. "…""), or is "X said in a statement." before a paragraph of only the quote.
/// </summary>
internal sealed class IntroducedByPreviousSentence : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        article.FromNeighbourSentence(quote.Open);
}
