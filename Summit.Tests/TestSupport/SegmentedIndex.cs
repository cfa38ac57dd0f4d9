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
}
