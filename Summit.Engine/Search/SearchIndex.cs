using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// One <see cref="SearcherManager"/> over an index folder (read through <see cref="SummitDirectory"/>). Readers are
/// borrowed per request with <see cref="Acquire"/> and refreshed with <see cref="MaybeRefresh"/> (the API calls it
/// from a background loop), so an indexer writing in another process becomes visible within a refresh interval.
/// The folder must hold an index: <see cref="SeedIndexing.EnsureIndex"/> makes one first where there is none.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly SearcherManager _manager;

    // A segment a refresh drops (merged away, or all its documents deleted) keeps its files mapped, and so their disk
    // space, until the garbage collector finalizes the last input over them (SummitDirectory's Mapping); in a
    // long-lived heap that can take hours. So the refresh after one that dropped segments, when requests have let
    // go of the old reader, asks for a full background collection: at most one per interval, as it walks the heap.
    // The current searcher's segments are noted after each refresh that changed it (SegmentWatcher), not per tick.
    private static readonly TimeSpan ReleaseInterval = TimeSpan.FromSeconds(30);
    private readonly System.Diagnostics.Stopwatch _sinceRelease = new();
    private volatile bool _droppedSegments;
    private string[] _segments = [];

    /// <param name="indexPath">The index folder.</param>
    /// <param name="mapIndexFiles">Searches read the index files through memory maps (faster; the pages they touch
    /// count in the process's RSS) or by position (see <see cref="SummitDirectory"/>).</param>
    /// <exception cref="IndexUnavailableException">The folder holds no usable index (damaged, or another layout).</exception>
    public SearchIndex(string indexPath, bool mapIndexFiles = true)
    {
        IndexPath = indexPath;
        MapsIndexFiles = mapIndexFiles;
        _directory = new SummitDirectory(new DirectoryInfo(IndexPath), mapIndexFiles);
        try
        {
            // A damaged index stops the start with a message naming the folder and the rebuild command.
            _manager = IndexProblems.Translate(IndexPath, () => new SearcherManager(_directory, new Bm25SearcherFactory()));
            try
            {
                CheckLayout();
                if (mapIndexFiles)
                {
                    _segments = SegmentNames();
                    _manager.AddListener(new SegmentWatcher(this));
                }
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

    /// <summary>Whether searches read the index files through memory maps.</summary>
    public bool MapsIndexFiles { get; }

    private void CheckLayout()
    {
        using var lease = Acquire();
        var reader = (DirectoryReader)lease.Searcher.IndexReader;
        IndexProblems.CheckLayout(IndexPath, reader.IndexCommit.UserData, reader.NumDocs);
    }

    /// <summary>Borrows the current searcher; dispose the lease to return it.</summary>
    public SearcherLease Acquire() => new(_manager);

    /// <summary>Picks up committed changes if there are any; returns true when the searcher changed.</summary>
    public bool MaybeRefresh()
    {
        ReleaseDroppedSegments();
        return _manager.MaybeRefresh();
    }

    /// <summary>Waits until the searcher reflects every commit made so far (used after admin writes).</summary>
    public void RefreshNow()
    {
        ReleaseDroppedSegments();
        _manager.MaybeRefreshBlocking();
    }

    /// <summary>Told by the manager after each refresh (on the refreshing thread, one at a time): notes whether the new
    /// searcher dropped segments of the one before.</summary>
    private sealed class SegmentWatcher(SearchIndex index) : ReferenceManager.IRefreshListener
    {
        public void BeforeRefresh()
        {
        }

        public void AfterRefresh(bool didRefresh)
        {
            if (!didRefresh) return;
            var now = index.SegmentNames();
            if (index._segments.Except(now, StringComparer.Ordinal).Any()) index._droppedSegments = true;
            index._segments = now;
        }
    }

    private void ReleaseDroppedSegments()
    {
        if (!_droppedSegments || (_sinceRelease.IsRunning && _sinceRelease.Elapsed < ReleaseInterval)) return;
        _droppedSegments = false;
        _sinceRelease.Restart();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
    }

    private string[] SegmentNames()
    {
        using var lease = Acquire();
        return [.. lease.Searcher.IndexReader.Leaves.Select(leaf => ((SegmentReader)leaf.Reader).SegmentName)];
    }

    /// <summary>Articles in the index as of the current searcher (deleted ones excluded, unlike a term's document
    /// frequency, which counts deletions until segments merge).</summary>
    public int ArticleCount()
    {
        using var lease = Acquire();
        var count = new TotalHitCountCollector();
        lease.Searcher.Search(new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), count);
        return count.TotalHits;
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
            // reader's facet ids, facet layout and vocabulary. Unchanged segments keep their arrays, so a refresh
            // reads only new segments.
            FacetDocOrdinals.Warm(reader);
            var searcher = new SummitSearcher(reader) { Similarity = new BM25Similarity() };
            Vocabulary.For(searcher);
            return searcher;
        }
    }
}

/// <summary>A borrowed searcher, released on dispose.</summary>
public readonly struct SearcherLease(SearcherManager manager) : IDisposable
{
    // The index's searcher factory makes every searcher of its manager.
    public SummitSearcher Searcher { get; } = (SummitSearcher)manager.Acquire();

    public void Dispose() => manager.Release(Searcher);
}

/// <summary>The index's searcher: Lucene's, able to collect with a weight made already.</summary>
public sealed class SummitSearcher(IndexReader reader) : IndexSearcher(reader)
{
    /// <summary>What <c>Search(query, collector)</c> does after making the query's weight, with a weight made already:
    /// searching with the query would make a second weight, looking up every phrase term of every segment again.</summary>
    public void Collect(Weight weight, ICollector collector) => Search(IndexReader.Leaves, weight, collector);

    // A field's statistics are the reader's, which never changes; Lucene's searcher gathers them from every segment
    // each time a query's weight is made (a word asks for three to six fields).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CollectionStatistics> _fieldStatistics = new(StringComparer.Ordinal);

    public override CollectionStatistics CollectionStatistics(string field) =>
        _fieldStatistics.TryGetValue(field, out var statistics) ? statistics : _fieldStatistics.GetOrAdd(field, base.CollectionStatistics(field));
}
