namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "…," X said / "…," said X / "…" — Jane Doe / "…?" Miller, a retired nurse, said / "…," Trump shot back: a quote
/// that opens its sentence (or follows a colon) is attributed after it first.
/// </summary>
internal sealed class AttributionAfterOpeningQuote : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.OpensSentence ? quote.After : null;
}
