using System.Globalization;
using System.Text;

namespace Summit.Engine.Articles;

/// <summary>
/// Text that is safe to print as one line: file names and messages can hold any character but '/' and NUL, and
/// an article's own text (an id, a date) any character at all, so a newline, carriage return or escape sequence in
/// them could fake or hide lines of the CLI's output. Every path and message the CLI prints goes through
/// <see cref="Escape"/>.
/// </summary>
public static class PrintableText
{
    /// <summary><paramref name="text"/> with control characters written as C escapes (<c>\n</c>, <c>\r</c>,
    /// <c>\t</c>, <c>\x1B</c>) and line separators and bidirectional overrides as <c>\u2028</c>; the same string
    /// when there is nothing to escape.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unprintable);
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Unprintable.Contains(c))
            {
                escaped.Append(c);
                continue;
            }
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }
        return escaped.ToString();
    }

    /// <summary>C0 and C1 controls and DEL, the Unicode line and paragraph separators, and the bidirectional
    /// embedding, override and isolate marks (which reorder what follows them on the line).</summary>
    private static readonly System.Buffers.SearchValues<char> Unprintable = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i))
        + string.Concat(Enumerable.Range(0x7F, 0x21).Select(i => (char)i))
        + "\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
