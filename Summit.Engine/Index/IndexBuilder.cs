using Lucene.Net.Index;
using Lucene.Net.Store;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;

namespace Summit.Engine.Index;

/// <summary>
/// Owns the one <see cref="IndexWriter"/> of an index directory. Upserts replace an article together with its
/// quote documents, so re-indexing the same article never duplicates it. Thread-safe (IndexWriter is).
/// </summary>
public sealed class IndexBuilder : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;

    private IndexBuilder(FSDirectory directory, IndexWriter writer)
    {
        _directory = directory;
        _writer = writer;
    }

    /// <summary>How long a writer waits by default for another one to release the index.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(1);

    /// <summary>Opens (or creates) the index at <paramref name="indexPath"/>; <paramref name="rebuild"/> starts it empty.</summary>
    /// <param name="lockWait">How long to wait while another writer holds the index (default <see cref="DefaultLockWait"/>).</param>
    /// <exception cref="IndexUnavailableException">Another process is writing the index, or it is damaged.</exception>
    public static IndexBuilder Open(string indexPath, bool rebuild = false, TimeSpan? lockWait = null)
    {
        System.IO.Directory.CreateDirectory(indexPath);
        // NIOFSDirectory explicitly: FSDirectory.Open would pick MMapDirectory, which misbehaves in this Lucene.Net version.
        // WriterLockFactory: Lucene.Net's default write.lock excludes nobody across processes on Linux.
        var folder = new DirectoryInfo(indexPath);
        var directory = new NIOFSDirectory(folder, new WriterLockFactory(folder, lockWait ?? DefaultLockWait));
        try
        {
            var config = new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateIndexAnalyzer())
            {
                OpenMode = rebuild ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
                Codec = new SummitCodec(),
                // WriterLockFactory does the waiting; Lucene's own loop would only add whole-second sleeps.
                WriteLockTimeout = 0,
            };
            var writer = IndexProblems.Translate(indexPath, () => new IndexWriter(directory, config));
            try
            {
                // Appending to an index of an older layout would mix two layouts in one index.
                IndexProblems.CheckLayout(indexPath, writer.CommitData, writer.NumDocs);
            }
            catch
            {
                writer.Rollback();
                throw;
            }
            return new IndexBuilder(directory, writer);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Adds the article or replaces the version already indexed, with all its quote documents.</summary>
    public void Upsert(Article article, ArticleFacts facts) =>
        _writer.UpdateDocuments(new Term(SummitSchema.ArticleId, article.Id), ArticleDocuments.Enumerate(article, facts));

    /// <summary>Adds an article with its quote documents and replaces nothing: only for an id the index cannot hold yet.
    /// An update buffers a delete of its id, which every flush then looks up in each segment.</summary>
    public void Add(Article article, ArticleFacts facts) => _writer.AddDocuments(ArticleDocuments.Enumerate(article, facts));

    /// <summary>Removes an article and its quote documents.</summary>
    public void Delete(string articleId) => _writer.DeleteDocuments(new Term(SummitSchema.ArticleId, articleId));

    /// <summary>Writes the documents buffered so far into new segments, without committing them.</summary>
    public void Flush() => _writer.Flush(triggerMerge: false, applyAllDeletes: false);

    /// <summary>Makes every change so far durable and visible to newly opened readers. On failure the writer
    /// is rolled back to the last commit (releasing write.lock) and the exception rethrown.</summary>
    public void Commit()
    {
        try
        {
            _writer.SetCommitData(IndexProblems.LayoutData);
            _writer.Commit();
        }
        catch
        {
            _writer.Rollback();
            throw;
        }
    }

    /// <summary>Drops every change since the last commit and closes the writer (releasing write.lock); the index
    /// keeps exactly its last commit. Use after a failure, instead of disposing, which would try to commit.</summary>
    public void Rollback() => _writer.Rollback();

    /// <summary>Number of documents (articles and quotes) the writer sees, including uncommitted ones.</summary>
    public int DocumentCount => _writer.NumDocs;

    /// <summary>The writer, for near-real-time readers in the same process.</summary>
    public IndexWriter Writer => _writer;

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }
}
