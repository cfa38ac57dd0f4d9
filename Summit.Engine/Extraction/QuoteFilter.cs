namespace Summit.Engine.Extraction;

/// <summary>
/// Quoted text that is not speech: titles of shows and works ("Morning Joe", "Fox News Sunday"), transcript
/// turns ("PENCE: Well, …") and one-word scare quotes nobody is said to have spoken.
/// </summary>
internal static class QuoteFilter
{
    public static bool IsNotSpeech(string body, string text, string? speaker, RawQuote quote, bool transcript)
    {
        if (IsTranscriptLine(text) || IsStageDirection(text)) return true;
        // In a transcript every paragraph opens a mark it never closes: those are turns, not quotes.
        if (transcript && (quote.Continuation || quote.ContinuesNext)) return true;
        if (quote.Continuation || quote.ContinuesNext) return false;
        var words = text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1 && speaker == null) return true;
        if (words.Length == 1 && IsNickname(body, quote)) return true;
        // A title-case phrase is a show or a work, unless someone is said to have called somebody that.
        return words.Length <= 5 && IsTitleCase(words)
               && PreviousWord(body, quote.Open).ToLowerInvariant() is not ("as" or "called" or "nicknamed" or "dubbed" or "named" or "and" or "a");
    }

    /// <summary>An article quoting a transcript: at least two turns labelled "NAME:".</summary>
    public static bool IsTranscript(string body, IEnumerable<RawQuote> quotes) =>
        quotes.Count(q => IsTranscriptLine(body[q.Start..q.End])) >= 2;

    /// <summary>"(CROSSTALK.)", "(APPLAUSE)": a stage direction.</summary>
    private static bool IsStageDirection(string text) =>
        text.Length > 2 && text[0] == '(' && text.TrimEnd('.')[^1] == ')' && text.All(c => !char.IsLower(c));

    // A transcript turn's label is a speaker's name or two ("PENCE:", "SEN. ELIZABETH WARREN:"), not a sentence.
    private const int MaxTurnLabelChars = 24;

    /// <summary>"PENCE: Well, look, …": a transcript turn, labelled by its speaker, not a quotation.</summary>
    private static bool IsTranscriptLine(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 2 || colon > MaxTurnLabelChars) return false;
        for (var i = 0; i < colon; i++)
            if (char.IsLower(text[i])) return false;
        return char.IsUpper(text[0]);
    }

    /// <summary>Robert C. "Bobby" Scott, John "Tig" Tiegen: a capitalised word quoted inside a name.</summary>
    private static bool IsNickname(string body, RawQuote quote)
    {
        var e = quote.Close + 1;
        while (e < body.Length && body[e] == ' ') e++;
        var before = PreviousWord(body, TrimInitialDot(body, quote.Open));
        return char.IsUpper(body[quote.Start]) && e < body.Length && char.IsUpper(body[e]) && before.Length > 0 && char.IsUpper(before[0]);
    }

    /// <summary>Position to read the word before an opening mark from, past an initial's dot ("C. "Bobby"").</summary>
    private static int TrimInitialDot(string body, int open)
    {
        var e = open;
        while (e > 0 && body[e - 1] == ' ') e--;
        return e > 0 && body[e - 1] == '.' ? e - 1 : open;
    }

    private static string PreviousWord(string body, int open)
    {
        var e = open;
        while (e > 0 && char.IsWhiteSpace(body[e - 1])) e--;
        var s = e;
        while (s > 0 && char.IsLetter(body[s - 1])) s--;
        return body[s..e];
    }

    private static bool IsTitleCase(string[] words)
    {
        var capitalised = 0;
        foreach (var w in words)
        {
            var c = w.TrimStart('(', '[', '\'', '\u2018');
            if (c.Length == 0) continue;
            if (char.IsUpper(c[0])) capitalised++;
            else if (c is not ("of" or "and" or "the" or "in" or "on" or "a" or "for" or "to" or "with")) return false;
            if (c[^1] is '.' or '!' or '?' && w != words[^1]) return false;
        }
        return capitalised >= 1 && words.Length >= 2;
    }
}
