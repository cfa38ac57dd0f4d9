namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// A continuation paragraph of a quote, or a quote opening its sentence right after the last quote (the next sentence or
/// paragraph): the last speaker goes on.
/// </summary>
internal sealed class LastSpeakerGoesOn : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.Quote.Continuation || article.IsNear(quote.Sentence, quote.Paragraph) && quote.OpensSentence ? article.LastSpeaker : null;
}
