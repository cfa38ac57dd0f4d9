using System.Text.Json;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Search;

namespace Summit.Engine.Index;

/// <summary>Articles a batch could not take, each with its line (JSON Lines) and reason; nothing was indexed.</summary>
public sealed class IngestRejectedException(IReadOnlyList<string> problems) : Exception("The upload has articles that cannot be indexed.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed record IngestResponse(int Indexed, IReadOnlyList<string> Ids, IReadOnlyList<string> Warnings);

/// <summary>
/// Admin writes. Each call opens the index writer, applies the change, commits, closes the writer (so the
/// indexer CLI can take the lock between calls) and refreshes the searcher before returning, so an acknowledged
/// write is durable and searchable. Calls in this process are serialised; a writer held by another process
/// surfaces as <see cref="IndexUnavailableException"/>.
/// </summary>
public sealed class ArticleWriter(SearchIndex index, ArticleSearcher searcher)
{
    public const int MaxBatch = 10_000;

    /// <summary>After an upload of more article text than this (characters), the memory it took is handed back
    /// to the system at once (<see cref="ReleaseMemory"/>) instead of staying with the process.</summary>
    public const long LargeUploadCharacters = 1_000_000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Indexes one JSON article object or JSON Lines (one object per line), all or nothing. The body is
    /// read into memory once (the API bounds it by Search:MaxRequestBodyBytes) and parsed from there: nothing is
    /// written to disk but the index.</summary>
    public async Task<IngestResponse> IngestAsync(Stream body, bool jsonLines, CancellationToken cancellationToken)
    {
        var (articles, warnings) = await ReadUploadAsync(body, jsonLines, cancellationToken);

        var facts = articles.Select(a => Extractor.Default.Extract(a)).ToList();
        for (var i = 0; i < articles.Count; i++)
            warnings.AddRange(ArticleDocuments.LimitWarnings(articles[i], facts[i]).Select(w => $"Article '{articles[i].Id}': {w}"));
        await WriteAsync(builder =>
        {
            for (var i = 0; i < articles.Count; i++) builder.Upsert(articles[i], facts[i]);
        }, cancellationToken);
        var response = new IngestResponse(articles.Count, articles.Select(a => a.Id).ToList(), warnings);
        var characters = articles.Sum(a => (long)a.Title.Length + a.Body.Length);
        articles.Clear();
        facts.Clear();
        if (characters > LargeUploadCharacters) ReleaseMemory();
        return response;
    }

    /// <summary>
    /// The articles of an upload and their warnings, or an <see cref="IngestRejectedException"/> with every problem.
    /// The body is copied into a <see cref="MemoryStream"/> once, asynchronously: the reader reads synchronously,
    /// which a request body does not allow, and telling one JSON value from JSON Lines needs the whole body anyway.
    /// The buffer is an ordinary array, not a pooled one, and lives only as long as this call, so the collection
    /// after a large upload (<see cref="ReleaseMemory"/>) hands it back too.
    /// </summary>
    private static async Task<(List<Article> Articles, List<string> Warnings)> ReadUploadAsync(Stream body, bool jsonLines, CancellationToken cancellationToken)
    {
        using var buffer = body.CanSeek ? new MemoryStream(checked((int)Math.Max(0, body.Length - body.Position))) : new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0) throw new IngestRejectedException(["The request body is empty; send an article as JSON."]);

        // The indexer's reader does the parsing and validation, so the API accepts exactly what files may hold. The
        // name stands for the file an upload used to be saved as: ids default to it (upload-…-N for line N).
        var stem = "upload-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var format = !jsonLines && IsSingleJsonValue(buffer) ? ArticleFormat.Json : ArticleFormat.JsonLines;
        var name = stem + (format == ArticleFormat.Json ? ".json" : ".jsonl");

        var articles = new List<Article>();
        var problems = new List<string>();
        var warnings = new List<string>();
        buffer.Position = 0;
        foreach (var result in ArticleReader.ReadStream(buffer, name, format, new ReaderOptions()))
        {
            switch (result)
            {
                case ArticleRead read:
                    articles.Add(read.Article);
                    warnings.AddRange(read.Warnings.Select(w => Where(read.Line) + w));
                    break;
                case ReadFailure failure:
                    problems.Add(Where(failure.Line) + failure.Reason);
                    break;
            }
        }
        if (articles.Count > MaxBatch) problems.Add($"A batch holds at most {MaxBatch} articles; this one has {articles.Count}.");
        var duplicates = articles.GroupBy(a => a.Id).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
        if (duplicates.Count > 0) problems.Add($"Ids appear more than once in the batch: {string.Join(", ", duplicates)}.");
        if (problems.Count > 0) throw new IngestRejectedException(problems);
        return (articles, warnings);
    }

    /// <summary>Removes an article and its quotes; false when no article has that id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (searcher.GetArticle(id) is null) return false;
        await WriteAsync(builder => builder.Delete(id), cancellationToken);
        return true;
    }

    private async Task WriteAsync(Action<IndexBuilder> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using (var builder = IndexBuilder.Open(index.IndexPath))
            {
                change(builder);
                builder.Commit();
            }
            index.RefreshNow();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A compacting, decommitting full collection. A large upload leaves hundreds of MB of garbage (the body's
    /// strings, its token streams, the writer's buffers), much of it on the large object heap, which the server GC
    /// keeps committed for reuse: the process would stay that large after a one-off 8 MB article. A pause of a
    /// few hundred milliseconds after such an upload is cheap beside that; small uploads never pay it.
    /// </summary>
    private static void ReleaseMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static string Where(int? line) => line is { } n ? $"Line {n}: " : "";

    /// <summary>Whether the body is one JSON value (read as a .json article); anything else is JSON Lines. A JSON
    /// array is rejected here: it is neither one article nor a batch the reader would take.</summary>
    private static bool IsSingleJsonValue(MemoryStream body)
    {
        body.Position = 0;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true });
            if (document.RootElement.ValueKind == JsonValueKind.Array)
                throw new IngestRejectedException(["Send one article object, or JSON Lines (one object per line) for a batch, not a JSON array."]);
            return true;
        }
        catch (JsonException)
        {
            // Several lines of JSON (or broken JSON): the JSON Lines reader reports what is wrong per line.
            return false;
        }
    }
}
