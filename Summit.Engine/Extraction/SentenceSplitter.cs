namespace Summit.Engine.Extraction;

/// <summary>
/// Splits tokens into sentences: at line breaks, and after . ! ? when the next word starts a sentence and the
/// dot does not end an abbreviation or an initial ("Mr.", "Jan.", "George W. Bush").
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(
        ["Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Jr", "Sr", "Prof",
         "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
         "Dec", "No", "vs", "Mt", "Ft", "Rev", "Adm", "Maj", "Gens", "Sens", "Reps", "Messrs", "Ave", "approx", "Nos",
         "U.S", "U.K", "U.N", "D.C",
         // Transcripts write the speaker's title in capitals: "MR. SULLIVAN: …".
         "MR", "MRS", "MS", "DR"], StringComparer.Ordinal);

    /// <summary>The sentences of a text as character ranges (start inclusive, end exclusive), from the first token
    /// of each sentence to its last: what snippets and the benchmark's corpus cut text with.</summary>
    public static List<(int Start, int End)> Split(string text)
    {
        // Snippets split every hit's body: the tokens are only passed over, so each thread reuses one list.
        var tokens = t_tokens ??= new List<Token>(1024);
        tokens.Clear();
        Tokenizer.Tokenize(text, tokens);
        var ranges = Ranges(tokens, Split(text, tokens));
        if (tokens.Capacity > MaxKeptTokens) t_tokens = null;
        return ranges;
    }

    /// <summary>Sentences given as token ranges (<see cref="Split(string, List{Token})"/>) as character ranges, from
    /// the first token of each to its last; empty ones left out.</summary>
    internal static List<(int Start, int End)> Ranges(List<Token> tokens, List<(int Start, int End)> sentences)
    {
        var ranges = new List<(int Start, int End)>(sentences.Count);
        foreach (var (first, end) in sentences)
            if (end > first) ranges.Add((tokens[first].Start, tokens[end - 1].End));
        return ranges;
    }

    /// <summary>The sentences of one line of the text, from <paramref name="start"/> to <paramref name="end"/> (the
    /// text's edges or line breaks), as <see cref="Split(string)"/> cuts the whole text there: a line break always ends
    /// a sentence, and no token or rule looks past one. Snippets cut only the lines that hold a match.</summary>
    public static List<(int Start, int End)> SplitLine(string text, int start, int end)
    {
        var ranges = Split(text[start..end]);
        for (var i = 0; i < ranges.Count; i++) ranges[i] = (ranges[i].Start + start, ranges[i].End + start);
        return ranges;
    }

    /// <summary>A thread keeps its token list unless a very long text grew it past this.</summary>
    private const int MaxKeptTokens = 1 << 16;

    [ThreadStatic] private static List<Token>? t_tokens;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationSpans = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The sentences as token ranges (first token inclusive, end exclusive).</summary>
    internal static List<(int Start, int End)> Split(string text, List<Token> tokens)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Newline)
            {
                if (i > start) result.Add((start, i));
                start = i + 1;
                continue;
            }
            if (t.Kind != TokenKind.Punct) continue;
            var c = text[t.Start];
            if (c is not ('.' or '!' or '?')) continue;
            if (c == '.' && i > 0 && tokens[i - 1].End == t.Start && tokens[i - 1].Kind == TokenKind.Word)
            {
                var prev = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length);
                if (AbbreviationSpans.Contains(prev) || (prev.Length == 1 && char.IsUpper(prev[0]))) continue;
            }
            // Closing quotation marks and brackets right after the stop belong to this sentence.
            var end = i + 1;
            while (end < tokens.Count && (tokens[end].Kind == TokenKind.Quote && IsClosingPosition(text, tokens[end])
                                          || tokens[end].Kind == TokenKind.Punct && text[tokens[end].Start] is ')' or '.' or '!' or '?'))
                end++;
            if (end < tokens.Count && tokens[end].Kind != TokenKind.Newline && !StartsSentence(text, tokens[end])) continue;
            result.Add((start, end));
            start = end;
            i = end - 1;
        }
        if (start < tokens.Count) result.Add((start, tokens.Count));
        return result;
    }

    private static bool IsClosingPosition(string text, Token quote) =>
        quote.Start > 0 && !char.IsWhiteSpace(text[quote.Start - 1]) && !QuoteMarks.IsDoubleOpen(text[quote.Start]) && !QuoteMarks.IsSingleOpen(text[quote.Start]);

    private static bool StartsSentence(string text, Token next)
    {
        var c = text[next.Start];
        return char.IsUpper(c) || char.IsDigit(c) || next.Kind == TokenKind.Quote || c is '(' or '[' or '-' or '\u2014';
    }
}
