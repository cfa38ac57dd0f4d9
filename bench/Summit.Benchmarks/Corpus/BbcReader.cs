using System.Text;

namespace Summit.Benchmarks.Corpus;

/// <summary>
/// Reads the BBC News corpus: one story per <c>category/NNN.txt</c>, headline on line 1. The stories carry no date
/// and no place tags, so each gets a deterministic date in 2004-2005 and the primary place "uk".
/// </summary>
public static class BbcReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static IEnumerable<SourceArticle> Read(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("NOTES.txt", StringComparison.OrdinalIgnoreCase)
                        && !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var start = new DateTimeOffset(2004, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = File.ReadAllBytes(files[i]);
            string text;
            try { text = StrictUtf8.GetString(bytes); }
            catch (DecoderFallbackException) { text = Encoding.Latin1.GetString(bytes); }
            var lines = text.Replace("\r", "").Split('\n');
            var title = lines[0].Trim();
            var body = string.Join("\n\n", string.Join('\n', lines.Skip(1))
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim())
                .Where(p => p.Length > 0));
            if (title.Length == 0 || body.Length < 40) continue;
            var category = Path.GetFileName(Path.GetDirectoryName(files[i])) ?? "news";
            var date = start.AddHours(i * 7919 % (2 * 365 * 24));
            yield return new SourceArticle($"bbc-{category}-{Path.GetFileNameWithoutExtension(files[i])}",
                title, body, date, ["uk"], [], null, "bbc");
        }
    }
}
