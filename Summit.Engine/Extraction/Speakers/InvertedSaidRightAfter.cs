namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "When Sanders said at a rally that he …, he "grabbed ahold of …," said Drew Heiserman": a quote inside a sentence,
/// ending its clause and followed at once by an inverted "said X", is X's, whoever reports earlier in the sentence.
/// </summary>
internal sealed class InvertedSaidRightAfter : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote)
    {
        if (quote.OpensSentence) return null;
        // The attribution before is read first, as it always was for a quote inside a sentence: the first reading of the
        // article's sources fixes what "they said" refers to (the last speaker of that moment), so it must stay with this quote.
        _ = quote.Before;
        return article.InvertedRightAfter(quote.Close) ? quote.After : null;
    }
}
