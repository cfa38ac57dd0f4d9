namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// The last resort: the article's last speaker. Not a one-word quote.
/// </summary>
internal sealed class LastSpeaker : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.IsPhrase ? article.LastSpeaker : null;
}
