using System.Text;

namespace Summit.Engine.Index;

/// <summary>
/// Quote identity, shared by the indexer (which stores <see cref="Hash"/> on quote documents) and the quote search
/// (which groups by it): case, whitespace, quotation marks and trailing punctuation do not matter.
/// </summary>
public static class QuoteKeys
{
    /// <summary>The quote text in the form two reports of the same words share.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '"' or '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A')
                continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().TrimEnd(',', '.', ';', ':', '!', '?', ' ', '\u2026');
    }

    /// <summary>64-bit FNV-1a of <see cref="Normalize"/>d text: stable across processes (unlike string.GetHashCode),
    /// and with 64 bits two different quotes of one index practically never collide.</summary>
    public static long Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in Normalize(text))
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
