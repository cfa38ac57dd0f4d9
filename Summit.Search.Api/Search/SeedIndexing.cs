using System.Text.Json;
using Summit.Indexer.Articles;
using Summit.Indexer.Extraction;
using Summit.Indexer.Index;

namespace Summit.Search.Api.Search;

/// <summary>Builds the index from the seed folder on first start.</summary>
public static class SeedIndexing
{
    // Stand-in until the lead's IndexingPipeline lands on main; then this becomes
    // IndexingPipeline.Run(seedsPath, indexPath, new IndexingOptions()).
    public static int Run(string seedsPath, string indexPath)
    {
        using var builder = IndexBuilder.Open(indexPath);
        var files = File.Exists(seedsPath) ? [seedsPath]
            : System.IO.Directory.EnumerateFiles(seedsPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var count = 0;
        foreach (var file in files)
        {
            foreach (var article in Read(file))
            {
                builder.Upsert(article, Extractor.Default.Extract(article));
                count++;
            }
        }
        builder.Commit();
        return count;
    }

    private static IEnumerable<Article> Read(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension == ".txt")
        {
            var text = File.ReadAllText(file);
            var firstLine = text.Split('\n', 2)[0].Trim();
            yield return new Article(Path.GetFileNameWithoutExtension(file), firstLine.Length > 120 ? firstLine[..120] : firstLine, text);
        }
        else if (extension == ".jsonl")
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var id = Get("id");
                var body = Get("body");
                if (id is null || body is null) continue;
                yield return new Article(id, Get("title") ?? "", body,
                    DateTimeOffset.TryParse(Get("date"), System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null,
                    Get("source"), Get("url"), Get("author"));
            }
        }
    }
}
