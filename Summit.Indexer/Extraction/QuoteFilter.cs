namespace Summit.Indexer.Extraction;

/// <summary>
/// Quoted text that is not speech: titles of shows and works ("Morning Joe", "Fox News Sunday") and short
/// scare quotes nobody is said to have spoken ("so-called "reform"").
/// </summary>
internal static class QuoteFilter
{
    public static bool IsNotSpeech(string text, string? speaker, RawQuote quote)
    {
        if (quote.Continuation || quote.ContinuesNext) return false;
        var words = text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1 && speaker == null) return true;
        return words.Length <= 5 && IsTitleCase(words);
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
