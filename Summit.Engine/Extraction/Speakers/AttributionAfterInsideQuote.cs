namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "an "impartial" mediation, X argued": with no person reporting before it, a quote inside a sentence is attributed
/// after it.
/// </summary>
internal sealed class AttributionAfterInsideQuote : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.OpensSentence ? null : quote.After;
}
