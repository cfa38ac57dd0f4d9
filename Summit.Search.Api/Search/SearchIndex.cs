using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Summit.Indexer.Index;

namespace Summit.Search.Api.Search;

/// <summary>
/// The API's one <see cref="SearcherManager"/> over the index folder (NIOFSDirectory). Readers are borrowed per
/// request with <see cref="Acquire"/> and refreshed by <see cref="IndexRefreshService"/>, so an indexer writing in
/// another process becomes visible within a refresh interval. Builds the index from the seeds on first start.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly SearcherManager _manager;
    private readonly ILogger<SearchIndex> _logger;

    public SearchIndex(IOptions<SearchOptions> options, IHostEnvironment environment, ILogger<SearchIndex> logger)
    {
        _logger = logger;
        IndexPath = SearchPaths.Resolve(options.Value.IndexPath, environment.ContentRootPath);
        SeedsPath = SearchPaths.Resolve(options.Value.SeedsPath, environment.ContentRootPath);
        System.IO.Directory.CreateDirectory(IndexPath);
        _directory = new SummitDirectory(new DirectoryInfo(IndexPath));
        try
        {
            if (!DirectoryReader.IndexExists(_directory)) CreateIndex();
            // A damaged index stops the start with a message naming the folder and the rebuild command.
            _manager = IndexProblems.Translate(IndexPath, () => new SearcherManager(_directory, new Bm25SearcherFactory()));
            try
            {
                CheckLayout();
            }
            catch
            {
                _manager.Dispose();
                throw;
            }
        }
        catch
        {
            _directory.Dispose();
            throw;
        }
    }

    public string IndexPath { get; }

    private void CheckLayout()
    {
        using var lease = Acquire();
        var reader = (DirectoryReader)lease.Searcher.IndexReader;
        IndexProblems.CheckLayout(IndexPath, reader.IndexCommit.UserData, reader.NumDocs);
    }
    public string SeedsPath { get; }

    /// <summary>Borrows the current searcher; dispose the lease to return it.</summary>
    public SearcherLease Acquire() => new(_manager);

    /// <summary>Picks up committed changes if there are any; returns true when the searcher changed.</summary>
    public bool MaybeRefresh() => _manager.MaybeRefresh();

    /// <summary>Waits until the searcher reflects every commit made so far (used after admin writes).</summary>
    public void RefreshNow() => _manager.MaybeRefreshBlocking();

    private void CreateIndex()
    {
        if (System.IO.Directory.Exists(SeedsPath) || File.Exists(SeedsPath))
        {
            _logger.LogInformation("No index at {IndexPath}; indexing seeds from {SeedsPath}", IndexPath, SeedsPath);
            var summary = SeedIndexing.Run(SeedsPath, IndexPath);
            _logger.LogInformation("Seed indexing: {Summary}", summary);
        }
        if (DirectoryReader.IndexExists(_directory)) return;
        // Nothing to seed: an empty commit lets the searcher open and serve empty results.
        using var builder = IndexBuilder.Open(IndexPath);
        builder.Commit();
    }

    public void Dispose()
    {
        _manager.Dispose();
        _directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // SearcherManager calls this on open and on every refresh (in the refresh service, off the request path),
            // so the first query on a new searcher does not pay for the facet arrays of new segments or the new
            // reader's global ordinals, facet layout and vocabulary. Unchanged segments keep their arrays, so a refresh
            // reads only new segments.
            FacetDocOrdinals.Warm(reader);
            var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
            Vocabulary.For(searcher);
            return searcher;
        }
    }
}

/// <summary>A borrowed searcher, released on dispose.</summary>
public readonly struct SearcherLease(SearcherManager manager) : IDisposable
{
    public IndexSearcher Searcher { get; } = manager.Acquire();

    public void Dispose() => manager.Release(Searcher);
}

/// <summary>Refreshes the searcher in the background so requests never pay for it.</summary>
public sealed class IndexRefreshService(SearchIndex index, IOptions<SearchOptions> options, ILogger<IndexRefreshService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RefreshIntervalMs));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    index.MaybeRefresh();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // A writer in another process may be mid-commit; the next tick tries again.
                    logger.LogWarning(ex, "Refreshing the searcher failed; retrying");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
