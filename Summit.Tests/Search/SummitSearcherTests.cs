using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Tests.Search;

/// <summary><see cref="SummitSearcher"/> keeps its reader's field statistics: each searcher gives its own reader's,
/// the same as Lucene's searcher gathers from the segments.</summary>
public sealed class SummitSearcherTests
{
    private static DirectoryReader Index(int documents)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer())))
        {
            for (var i = 0; i < documents; i++)
            {
                writer.AddDocument(new Document { new TextField(SummitSchema.Body, string.Join(' ', Enumerable.Repeat("oil price", i % 4 + 1)), Field.Store.NO) });
                if (i % 7 == 6) writer.Commit();
            }
        }
        return DirectoryReader.Open(directory);
    }

    [Fact]
    public void Each_searcher_gives_its_own_readers_field_statistics()
    {
        using var small = Index(10);
        using var large = Index(40);
        foreach (var reader in new[] { small, large, small })
        {
            var (ours, lucene) = (new SummitSearcher(reader), new IndexSearcher(reader));
            for (var ask = 0; ask < 2; ask++)
            {
                var (got, want) = (ours.CollectionStatistics(SummitSchema.Body), lucene.CollectionStatistics(SummitSchema.Body));
                Assert.Equal((want.MaxDoc, want.DocCount, want.SumTotalTermFreq, want.SumDocFreq), (got.MaxDoc, got.DocCount, got.SumTotalTermFreq, got.SumDocFreq));
            }
            Assert.Equal(reader.MaxDoc, ours.CollectionStatistics(SummitSchema.Body).DocCount);
        }
    }
}
