using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Summit.Engine.Index;

/// <summary>What an index holds: counts of articles and quotes, distinct facet values, size on disk.</summary>
public sealed record IndexStats(int Articles, int Quotes, IReadOnlyDictionary<string, long> FacetValues, long SizeBytes, int Segments)
{
    public static bool Exists(string indexPath)
    {
        if (!System.IO.Directory.Exists(indexPath)) return false;
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        return DirectoryReader.IndexExists(directory);
    }

    /// <summary>Reads the last commit of the index at <paramref name="indexPath"/>.</summary>
    /// <exception cref="IndexUnavailableException">The index is damaged.</exception>
    public static IndexStats Read(string indexPath)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = IndexProblems.Translate(indexPath, () => DirectoryReader.Open(directory));
        var searcher = new IndexSearcher(reader);
        var facetValues = SummitSchema.FacetFields.ToDictionary(
            field => field,
            field => MultiDocValues.GetSortedSetValues(reader, field)?.ValueCount ?? 0L);
        var size = directory.ListAll().Sum(name => LengthOrZero(directory, name));
        return new IndexStats(Count(searcher, SummitSchema.KindArticle), Count(searcher, SummitSchema.KindQuote), facetValues, size, reader.Leaves.Count);
    }

    /// <summary>The articles and quotes of the last commit, without the facet values and sizes <see cref="Read"/> also
    /// gathers (counting facet values merges every segment's values: most of the cost of reading the stats).</summary>
    /// <exception cref="IndexUnavailableException">The index is damaged.</exception>
    public static (int Articles, int Quotes) Counts(string indexPath)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = IndexProblems.Translate(indexPath, () => DirectoryReader.Open(directory));
        var searcher = new IndexSearcher(reader);
        return (Count(searcher, SummitSchema.KindArticle), Count(searcher, SummitSchema.KindQuote));
    }

    private static int Count(IndexSearcher searcher, string kind) => searcher.Search(new TermQuery(new Term(SummitSchema.Kind, kind)), 1).TotalHits;

    // Another process writing the index may delete a merged-away file between the listing and the look.
    private static long LengthOrZero(Lucene.Net.Store.Directory directory, string name)
    {
        try
        {
            return directory.FileLength(name);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
