namespace Summit.Engine.Extraction;

/// <summary>A body with its tokens and sentences, shared by every finder of one extraction.</summary>
internal sealed class TextDocument
{
    public TextDocument(string text)
    {
        Text = text;
        Tokens = Tokenizer.Tokenize(text);
        _words = new string?[Tokens.Count];
        Sentences = SentenceSplitter.Split(text, Tokens);
        SentenceOf = new int[Tokens.Count];
        Array.Fill(SentenceOf, -1);
        for (var s = 0; s < Sentences.Count; s++)
            for (var t = Sentences[s].Start; t < Sentences[s].End; t++)
                SentenceOf[t] = s;
        // Line breaks belong to no sentence; give them the one before so lookups never see -1.
        for (var t = 0; t < SentenceOf.Length; t++)
            if (SentenceOf[t] < 0) SentenceOf[t] = t > 0 ? SentenceOf[t - 1] : 0;
        if (Sentences.Count == 0) Sentences.Add((0, 0));
    }

    public string Text { get; }

    private List<int>? _paragraphStarts;

    /// <summary>Index of the paragraph (non-blank line) holding a character offset.</summary>
    public int ParagraphOf(int offset)
    {
        if (_paragraphStarts == null)
        {
            _paragraphStarts = [];
            for (var i = 0; i < Text.Length; i++)
                if (Text[i] == '\n' && i + 1 < Text.Length && !char.IsWhiteSpace(Text[i + 1])) _paragraphStarts.Add(i + 1);
        }
        var k = _paragraphStarts.BinarySearch(offset);
        return k >= 0 ? k + 1 : ~k;
    }
    public List<Token> Tokens { get; }

    /// <summary>Sentences as token ranges [Start, End).</summary>
    public List<(int Start, int End)> Sentences { get; }

    /// <summary>Sentence index of each token.</summary>
    public int[] SentenceOf { get; }

    private readonly string?[] _words;

    /// <summary>Token text, cut from the body once and cached: the rules read each token many times.</summary>
    public string this[int token] => _words[token] ??= Text[Tokens[token].Start..Tokens[token].End];

    public bool Is(int token, TokenKind kind) => token >= 0 && token < Tokens.Count && Tokens[token].Kind == kind;

    public bool IsWord(int token) => Is(token, TokenKind.Word);

    public bool IsPunct(int token, char c) =>
        token >= 0 && token < Tokens.Count && Tokens[token].Kind == TokenKind.Punct && Text[Tokens[token].Start] == c;

    /// <summary>Index of the first token starting at or after a character offset.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// A line break token that only wraps a long line of hard-wrapped text (wire copy): the line before it is at least
    /// <see cref="WrappedLine"/> characters long and the next line starts flush, so a name may go on over it.
    /// </summary>
    public bool WrapsLine(int token)
    {
        if (!Is(token, TokenKind.Newline) || token == 0 || token + 1 >= Tokens.Count) return false;
        var nl = Tokens[token];
        if (nl.Start - Tokens[token - 1].End > 1 || Tokens[token + 1].Start != nl.End) return false;
        var lineStart = Text.LastIndexOf('\n', Math.Max(0, nl.Start - 1)) + 1;
        return nl.Start - lineStart >= WrappedLine;
    }

    private const int WrappedLine = 50;
    // Only quotation marks and punctuation may stand before a sentence's first word: a few of them at most.
    private const int MaxLeadingMarks = 4;

    /// <summary>Text of tokens [from, to) as it stands in the body.</summary>
    public string Slice(int from, int to) =>
        from < to ? Text[Tokens[from].Start..Tokens[to - 1].End] : "";

    public bool IsSentenceStart(int token)
    {
        if (token <= 0) return true;
        var s = Sentences[SentenceOf[token]].Start;
        // Only quotation marks and punctuation may stand before the first word; look back a few tokens at most.
        if (token - s > MaxLeadingMarks) return false;
        for (var t = s; t < token; t++)
            if (Tokens[t].Kind is not (TokenKind.Quote or TokenKind.Punct)) return false;
        return true;
    }
}
