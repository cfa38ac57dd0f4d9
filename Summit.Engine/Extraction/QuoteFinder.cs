namespace Summit.Engine.Extraction;

/// <summary>A quotation found by its marks: character offsets of the marks and of the text between them.</summary>
internal sealed record RawQuote(int Open, int Close, int Start, int End)
{
    /// <summary>The quote runs on into the next paragraph, which reopens it.</summary>
    public bool ContinuesNext { get; init; }
    /// <summary>This quote reopens a quote left open in the previous paragraph.</summary>
    public bool Continuation { get; set; }
}

/// <summary>
/// Pairs quotation marks paragraph by paragraph in one pass. Double marks (straight, curly, low-9, guillemets)
/// are the quotes of an article that has any; single marks are quotes only in an article without double
/// ones (British style), otherwise they are quotes inside quotes or scare quotes. A paragraph that leaves a
/// quote open continues it when the next paragraph opens again. Headings that are only a short quoted
/// phrase ("'Constructive role'") are not speech.
/// </summary>
internal static class QuoteFinder
{
    private const int MaxQuoteLength = 20_000;
    // A quoted heading standing as its own line is a short title: at most this many characters and words.
    private const int MaxHeadingChars = 80;
    private const int MaxHeadingWords = 8;

    public static List<RawQuote> Find(string text)
    {
        var doubles = HasDoubleMarks(text);
        var quotes = new List<RawQuote>();
        var p = 0;
        var continuing = false;
        while (p < text.Length)
        {
            var nl = text.IndexOf('\n', p);
            var end = nl < 0 ? text.Length : nl;
            continuing = Paragraph(text, p, end, doubles, quotes, continuing);
            p = end + 1;
        }
        return quotes;
    }

    private static bool HasDoubleMarks(string text)
    {
        foreach (var c in text)
            if (c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB') return true;
        return false;
    }

    /// <summary>Scans one paragraph; returns whether a quote is left open for the next paragraph.</summary>
    private static bool Paragraph(string text, int from, int to, bool doubles, List<RawQuote> quotes, bool continuing)
    {
        var first = from;
        while (first < to && char.IsWhiteSpace(text[first])) first++;
        if (first >= to) return continuing; // blank line: keep waiting for the next paragraph
        var open = -1;
        var openSingle = false;
        // Last closing curly mark of the paragraph: "is a ” still ahead?" in constant time.
        var lastClose = -1;
        for (var k = to - 1; k >= first && lastClose < 0; k--)
            if (QuoteMarks.IsDoubleClose(text[k])) lastClose = k;
        var isContinuation = false;
        for (var i = first; i < to; i++)
        {
            var c = text[i];
            if (doubles)
            {
                // Markup such as <tweet author="name">: skip the attribute value whole.
                if (c == '"' && open < 0 && i > 0 && text[i - 1] == '=')
                {
                    var closeAttr = text.IndexOf('"', i + 1, to - i - 1);
                    if (closeAttr > 0) { i = closeAttr; continue; }
                }
                var straight = c == '"' && !IsInchMark(text, i) && !IsAttributeValue(text, i);
                if (open < 0 && (QuoteMarks.IsDoubleOpen(c) || straight))
                {
                    open = i;
                    isContinuation = continuing && i == first;
                }
                else if (open >= 0 && QuoteMarks.IsDoubleOpen(c))
                {
                    // "“ inside an open “": a new segment starts; a stray straight mark before a curly one is dropped.
                    if (text[open] != '"') Add(text, quotes, open, i, false, isContinuation, first, to);
                    open = i;
                    isContinuation = false;
                }
                else if (open >= 0 && (QuoteMarks.IsDoubleClose(c) || straight && (text[open] == '"' || lastClose < i)))
                {
                    Add(text, quotes, open, i, false, isContinuation, first, to);
                    open = -1;
                }
            }
            else if (open < 0 && (QuoteMarks.IsSingleOpen(c) || c == '\'') && IsSingleOpening(text, i, first))
            {
                open = i;
                openSingle = true;
                isContinuation = continuing && i == first;
            }
            else if (open >= 0 && openSingle && (QuoteMarks.IsSingleClose(c) || c == '\'') && IsSingleClosing(text, i, to))
            {
                Add(text, quotes, open, i, false, isContinuation, first, to);
                open = -1;
            }
        }
        if (open < 0) return false;
        var nextOpens = NextParagraphOpens(text, to, doubles);
        Add(text, quotes, open, to, nextOpens, isContinuation, first, to);
        return nextOpens;
    }

    /// <summary>6'3" or 12": a straight double mark after a digit is an inch sign.</summary>
    private static bool IsInchMark(string text, int i) =>
        i > 0 && (char.IsDigit(text[i - 1]) || text[i - 1] == '\'' && i > 1 && char.IsDigit(text[i - 2]))
        && (i + 1 >= text.Length || !char.IsLetter(text[i + 1]));

    /// <summary>author="name" in embedded markup is not a quote.</summary>
    private static bool IsAttributeValue(string text, int i) =>
        i > 0 && text[i - 1] == '=' || i + 1 < text.Length && text[i + 1] == '>';

    private static bool IsSingleOpening(string text, int i, int paragraphStart) =>
        (i == paragraphStart || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '\u2014' or '-' or ':')
        && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private static bool IsSingleClosing(string text, int i, int paragraphEnd) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= paragraphEnd || !char.IsLetterOrDigit(text[i + 1]));

    private static bool NextParagraphOpens(string text, int nl, bool doubles)
    {
        var i = nl;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length) return false;
        var c = text[i];
        return doubles ? QuoteMarks.IsDoubleOpen(c) || c == '"' : QuoteMarks.IsSingleOpen(c) || c == '\'';
    }

    private static void Add(string text, List<RawQuote> quotes, int open, int close, bool continuesNext, bool continuation,
        int paragraphStart, int paragraphEnd)
    {
        var s = open + 1;
        var e = close;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e - s < 2 || e - s > MaxQuoteLength) return;
        if (!continuesNext && !continuation && open == paragraphStart && IsHeading(text, close, s, e, paragraphEnd)) return;
        quotes.Add(new RawQuote(open, close, s, e) { ContinuesNext = continuesNext, Continuation = continuation });
    }

    /// <summary>A short quoted phrase that is its whole line, without sentence punctuation: a heading.</summary>
    private static bool IsHeading(string text, int close, int s, int e, int paragraphEnd)
    {
        if (e - s > MaxHeadingChars) return false;
        for (var i = Math.Min(close + 1, paragraphEnd); i < paragraphEnd; i++) if (!char.IsWhiteSpace(text[i])) return false;
        var words = 1;
        for (var i = s; i < e; i++)
        {
            if (text[i] is '.' or '!' or '?' or ',') return false;
            if (text[i] == ' ') words++;
        }
        return words <= MaxHeadingWords;
    }
}
