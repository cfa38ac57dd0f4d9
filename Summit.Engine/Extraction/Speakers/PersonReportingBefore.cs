namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// X said that … "…" / X described it as "…" / X's claim that … "…" / X was quoted … as saying "…" / X, saying, "…": a
/// quote inside a sentence belongs to the person of its reporting clause ("Cruz said he'd make sand "glow," and Trump vowed …").
/// </summary>
internal sealed class PersonReportingBefore : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        !quote.OpensSentence && quote.Before is { } before && article.IsPerson(before) ? before : null;
}
