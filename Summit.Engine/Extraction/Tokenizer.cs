namespace Summit.Engine.Extraction;

internal enum TokenKind : byte { Word, Number, Punct, Quote, Newline, Possessive }

/// <summary>A token of the body: offsets are UTF-16 indices, end exclusive.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into words, numbers, punctuation, quotation marks and paragraph breaks in one linear pass.
/// Words keep inner apostrophes and dotted abbreviations ("U.S.", "O'Brien") but a possessive "'s" and
/// hyphens are separate tokens, so "Russia's" and "US-led" still expose "Russia" and "US".
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>: callers that only pass
    /// over them reuse one list.</summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (c == '\n')
            {
                tokens.Add(new Token(i, i + 1, TokenKind.Newline));
                i++;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c)) i++;
            else if (char.IsLetter(c)) i = ReadWord(text, i, tokens);
            else if (char.IsDigit(c))
            {
                var s = i;
                while (i < n && (char.IsLetterOrDigit(text[i]) || ((text[i] == '.' || text[i] == ',') && i + 1 < n && char.IsDigit(text[i + 1])))) i++;
                tokens.Add(new Token(s, i, TokenKind.Number));
            }
            else if ((c == '\'' || c == '\u2019') && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S')
                     && (i + 2 >= n || !char.IsLetterOrDigit(text[i + 2]))
                     && tokens.Count > 0 && tokens[^1].End == i && tokens[^1].Kind == TokenKind.Word)
            {
                tokens.Add(new Token(i, i + 2, TokenKind.Possessive));
                i += 2;
            }
            else if (QuoteMarks.IsQuoteChar(c))
            {
                tokens.Add(new Token(i, i + 1, TokenKind.Quote));
                i++;
            }
            else
            {
                // Surrogate pairs stay one token so no span ever splits them.
                var len = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new Token(i, i + len, TokenKind.Punct));
                i += len;
            }
        }
    }

    private static int ReadWord(string text, int i, List<Token> tokens)
    {
        var n = text.Length;
        var s = i;
        // Dotted abbreviation: U.S., U.S.A., U.K. (single letters each followed by a dot).
        if (i + 3 < n && text[i + 1] == '.' && char.IsLetter(text[i + 2]) && text[i + 3] == '.')
        {
            var j = i;
            while (j + 1 < n && char.IsLetter(text[j]) && text[j + 1] == '.') j += 2;
            if (j - s >= 4)
            {
                tokens.Add(new Token(s, j, TokenKind.Word));
                return j;
            }
        }
        while (i < n)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '\u00AD') { i++; continue; }
            if ((c == '\'' || c == '\u2019') && i + 1 < n && char.IsLetter(text[i + 1]))
            {
                // Possessive 's / ’s ends the word; O'Brien, don't, ma'am keep going.
                if ((text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= n || !char.IsLetter(text[i + 2]))) break;
                i++;
                continue;
            }
            if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark) { i++; continue; }
            break;
        }
        tokens.Add(new Token(s, i, TokenKind.Word));
        return i;
    }
}
