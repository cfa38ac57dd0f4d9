using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;
using NIOFSDirectory = Lucene.Net.Store.NIOFSDirectory;

namespace Summit.Tests.TestSupport;

/// <summary>Reads an index's last commit directly with Lucene, independent of the code under test.</summary>
public static class IndexContents
{
    /// <summary>The ids of every article document (duplicates included, so tests can see them).</summary>
    public static List<string> ArticleIds(string indexPath)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var hits = searcher.Search(new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), Math.Max(1, reader.MaxDoc));
        return hits.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SummitSchema.Id)).ToList();
    }
}
