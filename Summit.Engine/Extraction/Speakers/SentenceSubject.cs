namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "Obama condemned the test as "…"": a partial quote in a sentence without a reporting verb is its subject's, after any
/// opening adverbial clause.
/// </summary>
internal sealed class SentenceSubject : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        article.SentenceSubject(quote.Open);
}
