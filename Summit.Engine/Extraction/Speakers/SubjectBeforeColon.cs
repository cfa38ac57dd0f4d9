namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "X scolded him: "…"": with no reporting verb, whoever opens the sentence introduced the quote after the colon.
/// </summary>
internal sealed class SubjectBeforeColon : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        article.Doc.IsPunct(quote.Open - 1, ':') ? article.SentenceSubject(quote.Open) : null;
}
