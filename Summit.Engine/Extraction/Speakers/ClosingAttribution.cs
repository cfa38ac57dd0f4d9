namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "“Boots on the ground” would be appropriate, Carson said." / "“…” if she lost, said X, an analyst.": a partial quote
/// inside a reported clause, attributed by a closing "…, X said" / "…, said X" / "…, according to X" of its sentence.
/// </summary>
internal sealed class ClosingAttribution : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        article.Trailing(quote.Close);
}
