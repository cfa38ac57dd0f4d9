using System.Globalization;
using System.Text;

namespace Summit.Engine.Search;

/// <summary>
/// How the search compares what people type with names and text: facet values, country names, suggestions, typo and
/// prefix highlighting all fold both sides the same way.
/// </summary>
public static class TextFolding
{
    /// <summary>Lower case, accents folded, dots and a leading "the" dropped, single spaces.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.') continue;
            if (char.IsWhiteSpace(c) || c == '-' || c == '\u2019' || c == '\'')
            {
                if (c is '\u2019' or '\'') continue;
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        var result = sb.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result;
    }
}
