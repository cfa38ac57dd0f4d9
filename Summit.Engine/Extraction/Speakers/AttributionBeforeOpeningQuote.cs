namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// X said: "…" / According to X, "…": a quote opening its sentence with no attribution after it, by the one before it.
/// </summary>
internal sealed class AttributionBeforeOpeningQuote : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.OpensSentence ? quote.Before : null;
}
