namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "His partner, Lawrence Cummings, called him a master at deals. "He showed again and again …"": a quote standing as
/// its own sentence is the person's reporting in the sentence before it, in the same paragraph.
/// </summary>
internal sealed class ReporterOfPreviousSentence : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        !quote.Quote.Continuation && quote.OpensSentence ? article.ReporterOfPreviousSentence(quote.Open) : null;
}
