using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Engine.Index;

namespace Summit.Tests.TestSupport;

/// <summary>An in-memory index of article documents with one segment per group (no merging), so code that works
/// per segment sees several.</summary>
public static class SegmentedIndex
{
    public static IndexSearcher Build<T>(IEnumerable<IEnumerable<T>> segments, Action<Document, T> fill)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer())
               { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            foreach (var segment in segments)
            {
                foreach (var item in segment)
                {
                    var doc = new Document { new StringField(SummitSchema.Kind, SummitSchema.KindArticle, Field.Store.NO) };
                    fill(doc, item);
                    writer.AddDocument(doc);
                }
                writer.Commit();
            }
        }
        return new IndexSearcher(DirectoryReader.Open(directory));
    }

    /// <summary>
    /// An in-memory index of generated texts, one segment per round (no merging), with every
    /// <paramref name="deleteEvery"/>-th document deleted afterwards, so scorers meet several segments and deleted
    /// documents. <paramref name="fields"/> makes a document's text fields from the generator and the segment's number.
    /// </summary>
    public static DirectoryReader WithDeletions(int seed, int segments, int documentsPerSegment, int deleteEvery,
        Func<Random, int, (string Field, string Text)[]> fields)
    {
        var random = new Random(seed);
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer())
            { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES });
        var id = 0;
        for (var segment = 0; segment < segments; segment++)
        {
            for (var d = 0; d < documentsPerSegment; d++)
            {
                var doc = new Document { new StringField(SummitSchema.Id, (id++).ToString(), Field.Store.YES) };
                foreach (var (field, text) in fields(random, segment)) doc.Add(new TextField(field, text, Field.Store.NO));
                writer.AddDocument(doc);
            }
            writer.Commit();
        }
        for (var d = 0; d < id; d += deleteEvery) writer.DeleteDocuments(new Term(SummitSchema.Id, d.ToString()));
        writer.Commit();
        return DirectoryReader.Open(directory);
    }
}
