namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// One quote as the rules see it: its tokens, sentence and paragraph, and the attributions right before and after it,
/// each read once, when a rule first asks.
/// </summary>
internal sealed class QuoteSite
{
    private readonly SpeakerContext _article;
    private (bool Read, string? Speaker) _before, _after;

    public QuoteSite(SpeakerContext article, int index)
    {
        _article = article;
        Index = index;
        Quote = article.Quotes[index];
        var doc = article.Doc;
        Open = doc.TokenAt(Quote.Open);
        Close = Quote.Close < doc.Text.Length ? doc.TokenAt(Quote.Close) : doc.Tokens.Count;
        Sentence = doc.SentenceOf[Math.Min(Open, doc.Tokens.Count - 1)];
        Paragraph = article.ParagraphOf(Quote.Open);
        OpensSentence = article.StartsItsSentence(Open);
    }

    /// <summary>The quote's place in <see cref="SpeakerContext.Quotes"/>.</summary>
    public int Index { get; }

    public RawQuote Quote { get; }

    /// <summary>Tokens of the opening and closing marks (the closing one is past the end for an unclosed quote).</summary>
    public int Open { get; }

    public int Close { get; }

    public int Sentence { get; }

    public int Paragraph { get; }

    /// <summary>The quote opens its sentence or follows a colon ("…," she said / X said: "…"); else it is inside a sentence.</summary>
    public bool OpensSentence { get; }

    /// <summary>More than one word: with no speaker a one-word quote is a scare quote, which QuoteFilter drops.</summary>
    public bool IsPhrase => _article.Doc.Text.AsSpan(Quote.Start, Quote.End - Quote.Start).ContainsAny(' ', '\n');

    /// <summary>X said: "…" / X said that … "…" / according to X, "…".</summary>
    public string? Before => Once(ref _before, () => _article.Before(Open));

    /// <summary>"…," X said / "…," said X / "…" — Jane Doe / "…," according to X.</summary>
    public string? After => Once(ref _after, () => _article.After(Close));

    private static string? Once(ref (bool Read, string? Speaker) memo, Func<string?> read)
    {
        if (!memo.Read) memo = (true, read());
        return memo.Speaker;
    }
}
