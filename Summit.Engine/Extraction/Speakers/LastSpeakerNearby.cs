namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// A quote in the sentence or paragraph after the last quote, or the next one: the last speaker.
/// </summary>
internal sealed class LastSpeakerNearby : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        article.IsNear(quote.Sentence, quote.Paragraph) ? article.LastSpeaker : null;
}
