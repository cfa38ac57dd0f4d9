namespace Summit.Benchmarks.Corpus;

/// <summary>
/// Splits a paragraph into sentences at '.', '!' or '?' followed by a space and a capital or an opening quote,
/// except after common abbreviations and initials, and never inside an open double quote, so quotes stay whole.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Rep", "Sen", "Gov", "Rev",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc", "U.S", "U.K", "U.N", "E.C", "Cie", "Bhd", "Plc", "Nos",
    };

    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        var inQuote = false;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c is '"') inQuote = !inQuote;
            else if (c is '\u201C') inQuote = true;
            else if (c is '\u201D') inQuote = false;
            if (inQuote || c is not ('.' or '!' or '?')) continue;

            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '\u201D' or '\'' or ')') end++;
            if (end + 1 >= paragraph.Length || paragraph[end] != ' ') continue;
            var next = paragraph[end + 1];
            if (!char.IsUpper(next) && next is not ('"' or '\u201C')) continue;
            if (c == '.' && IsAbbreviation(paragraph, start, i)) continue;

            var sentence = paragraph[start..end].Trim();
            if (sentence.Length > 0) yield return sentence;
            start = end + 1;
        }
        var rest = paragraph[start..].Trim();
        if (rest.Length > 0) yield return rest;
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && text[wordStart - 1] != ' ') wordStart--;
        var word = text[wordStart..dot].TrimStart('(', '"', '\u201C');
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }
}
