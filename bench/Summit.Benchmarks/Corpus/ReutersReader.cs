using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Summit.Benchmarks.Corpus;

/// <summary>
/// Reads Reuters-21578 (SGML, not well-formed XML) with a tolerant regex reader. Keeps the stories that have a
/// body (~19k of 21,578); title-only briefs and unprocessed texts are skipped.
/// </summary>
public static partial class ReutersReader
{
    [GeneratedRegex(@"<REUTERS[^>]*NEWID=""(?<id>\d+)""[^>]*>(?<doc>.*?)</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex DocPattern();

    [GeneratedRegex(@"<D>(?<v>[^<]*)</D>")]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"&#\d+;")]
    private static partial Regex ControlEntity();

    [GeneratedRegex(@"\n\s{2,}")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\s*Reuter\s*$")]
    private static partial Regex TrailingReuter();

    public static IEnumerable<SourceArticle> Read(string folder)
    {
        var latin1 = Encoding.Latin1;
        foreach (var file in Directory.EnumerateFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file, latin1);
            foreach (Match match in DocPattern().Matches(text))
            {
                var doc = match.Groups["doc"].Value;
                var body = Tag(doc, "BODY");
                if (body is null) continue;
                body = CleanBody(body);
                if (body.Length < 40) continue;
                var title = Tag(doc, "TITLE") is { } t ? Collapse(Decode(t)) : body[..Math.Min(80, body.Length)];
                var date = ParseDate(Tag(doc, "DATE"));
                var dateline = Tag(doc, "DATELINE") is { } d ? Collapse(Decode(d)).Split(',')[0].Trim(' ', '-') : null;
                yield return new SourceArticle(
                    "reuters-" + match.Groups["id"].Value, title, body, date,
                    Values(Tag(doc, "PLACES")), Values(Tag(doc, "PEOPLE")),
                    string.IsNullOrWhiteSpace(dateline) ? null : dateline, "reuters");
            }
        }
    }

    private static string? Tag(string doc, string name)
    {
        var open = doc.IndexOf("<" + name, StringComparison.Ordinal);
        if (open < 0) return null;
        var start = doc.IndexOf('>', open) + 1;
        var end = doc.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return end < 0 ? null : doc[start..end];
    }

    private static IReadOnlyList<string> Values(string? tag) =>
        tag is null ? [] : ValuePattern().Matches(tag).Select(m => m.Groups["v"].Value.Trim()).Where(v => v.Length > 0).ToList();

    private static string Decode(string text) => WebUtility.HtmlDecode(ControlEntity().Replace(text, ""));

    /// <summary>Reuters bodies are hard-wrapped at ~70 columns with indented paragraphs; rejoin them.</summary>
    private static string CleanBody(string raw)
    {
        var text = Decode(raw).Replace("\r", "");
        text = TrailingReuter().Replace(text.TrimEnd(), "");
        var paragraphs = ParagraphBreak().Split(text)
            .Select(Collapse)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static DateTimeOffset ParseDate(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length >= 20) text = text[..20];
        return DateTimeOffset.TryParseExact(text, "d-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : new DateTimeOffset(1987, 3, 1, 12, 0, 0, TimeSpan.Zero);
    }
}
