using System.Collections.Concurrent;
using System.Diagnostics;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;

namespace Summit.Engine.Index;

/// <param name="Rebuild">Start from an empty index instead of updating the existing one.</param>
/// <param name="CommitEvery">Commit after this many articles, so a long run that is killed keeps its progress.</param>
/// <param name="Threads">Extraction threads; the writer is shared (IndexWriter is thread-safe).</param>
/// <param name="LockWait">How long to wait for another writer to release the index before giving up (default 5 s:
/// long enough for the API to finish a live update, short enough to say at once that another indexer is running).</param>
public sealed record IndexingOptions(bool Rebuild = false, int CommitEvery = 10_000, int Threads = 0, ReaderOptions? Reader = null, TimeSpan? LockWait = null)
{
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(5);
}

/// <summary>What one indexing run did. <see cref="Failed"/> articles are listed in <see cref="Failures"/>.</summary>
public sealed record IndexingSummary(
    int Indexed, int Failed, int Warnings, IReadOnlyList<ReadFailure> Failures, IReadOnlyList<string> WarningMessages,
    TimeSpan Elapsed, TimeSpan ExtractionTime, long CharactersRead)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Indexed / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"indexed {Indexed:N0}, failed {Failed:N0}, warnings {Warnings:N0} in {Elapsed.TotalSeconds:F1} s ({ArticlesPerSecond:N0} articles/s)";
}

/// <summary>An indexing run that stopped part way; the index holds its last commit.</summary>
public sealed class IndexingFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// read → extract → index → commit. Extraction runs on every core while the one writer takes the documents;
/// re-running over the same files replaces articles by id, so the result never holds duplicates.
/// </summary>
public static class IndexingPipeline
{
    public static IndexingSummary Run(string inputPath, string indexPath, IndexingOptions options, IProgress<int>? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<ReadFailure>();
        var warnings = new ConcurrentQueue<string>();
        var seenIds = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var extractor = Extractor.Default;
        int indexed = 0, processed = 0;
        long extractionTicks = 0, characters = 0;

        // The first article would wait for the gazetteer and for the extraction and document code to compile, a few hundred
        // milliseconds on one core; done on another thread, that overlaps with opening the index.
        _ = Task.Factory.StartNew(WarmUp, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        using var builder = IndexBuilder.Open(indexPath, options.Rebuild, options.LockWait ?? IndexingOptions.DefaultLockWait);
        // An index that held no article when opened cannot hold one of this run's ids, and the run indexes each id once
        // (duplicates are skipped below): its articles are added, with nothing to replace.
        var replace = builder.DocumentCount > 0;
        var commitLock = new object();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };

        void Process(ReadResult result)
        {
            if (result is ReadFailure failure)
            {
                failures.Enqueue(failure);
                return;
            }
            var read = (ArticleRead)result;
            var article = read.Article;
            var where = read.Line is { } line ? $"{read.File}:{line}" : read.File;
            foreach (var warning in read.Warnings) warnings.Enqueue($"{where}: {warning}");
            if (!seenIds.TryAdd(article.Id, where))
            {
                failures.Enqueue(new ReadFailure(read.File, read.Line,
                    $"duplicate id '{article.Id}' (first seen at {seenIds[article.Id]}); this copy was skipped"));
                return;
            }
            var started = Stopwatch.GetTimestamp();
            var facts = extractor.Extract(article);
            Interlocked.Add(ref extractionTicks, Stopwatch.GetTimestamp() - started);
            Interlocked.Add(ref characters, article.Title.Length + article.Body.Length);
            foreach (var warning in ArticleDocuments.LimitWarnings(article, facts)) warnings.Enqueue($"{where}: {warning}");
            if (replace) builder.Upsert(article, facts);
            else builder.Add(article, facts);
            if (Interlocked.Increment(ref indexed) % options.CommitEvery == 0)
                lock (commitLock) builder.Commit();
        }

        try
        {
            Parallel.ForEach(FlushAtEnd(ArticleReader.Read(inputPath, options.Reader), builder), parallel, result =>
            {
                Process(result);
                progress?.Report(Interlocked.Increment(ref processed));
            });
            builder.Commit();
        }
        catch (Exception e)
        {
            // Disk full, a lost file system, a bug: keep the last commit intact and say so.
            builder.Rollback();
            var cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
            throw new IndexingFailedException(
                $"Indexing into '{indexPath}' stopped: {cause.Message}. The index keeps its last commit; " +
                "fix the cause and run the same command again to finish the job (already indexed articles are updated, not duplicated).", cause);
        }
        return new IndexingSummary(indexed, failures.Count, warnings.Count,
            failures.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList(), warnings.ToList(),
            stopwatch.Elapsed, Stopwatch.GetElapsedTime(0, extractionTicks) / Math.Max(1, parallel.MaxDegreeOfParallelism), characters);
    }

    /// <summary>
    /// The results, then a flush as soon as the input runs out. Every indexing thread buffers its own documents;
    /// flushed by the final commit, the buffers would be written one after another on one core. Flushed when the
    /// last article is taken, the other threads are still indexing theirs, and Lucene has an indexing thread write a
    /// buffer waiting to be flushed before its next document: the buffers are written on every core at once, and the
    /// commit only writes the last few articles.
    /// </summary>
    private static IEnumerable<ReadResult> FlushAtEnd(IEnumerable<ReadResult> results, IndexBuilder builder)
    {
        foreach (var result in results) yield return result;
        builder.Flush();
    }

    /// <summary>Loads what extraction needs and runs the extraction and document code once on a short text.</summary>
    private static void WarmUp()
    {
        var article = new Article("warm-up", "Talks in Paris", "\"We will talk,\" President Joe Biden told reporters in Paris on Monday.");
        ArticleDocuments.Create(article, Extractor.Default.Extract(article));
    }

    /// <summary>How many results reading <paramref name="inputPath"/> gives, counted cheaply (files, lines of JSONL
    /// files, and what the walk skips) so a progress bar can show a total before the real read. It walks the input
    /// as the read does (each real folder and file once), so a link cycle cannot make it run away either.</summary>
    public static int CountArticles(string inputPath)
    {
        var count = 0;
        foreach (var entry in ArticleWalker.Walk(inputPath))
        {
            var file = entry.Path;
            if (entry.Problem is not null || !file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) { count++; continue; }
            try
            {
                // An empty file (or a FIFO or device, which would block) is one reported failure.
                count += new FileInfo(file).Length == 0 ? 1 : Math.Max(1, File.ReadLines(file).Count(l => !string.IsNullOrWhiteSpace(l)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                count++;
            }
        }
        return count;
    }
}
