extern alias api;
using api::Summit.Search.Api.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Summit.Indexer.Index;

namespace Summit.Tests.Search;

public sealed class FacetCounterTests
{
    // Three segments with overlapping and segment-only values, so global ordinals differ from segment ordinals.
    private static readonly string[][][] Segments =
    [
        [["Ann", "Bob"], ["Bob"], ["Cid"]],
        [["Bob", "Dee"], ["Eve"], ["Ann", "Eve"], []],
        [["Zed"], ["Bob", "Eve"], ["Ann"]],
    ];

    private static IndexSearcher Searcher()
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer())
               { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            foreach (var segment in Segments)
            {
                foreach (var persons in segment)
                {
                    var doc = new Document { new StringField(SummitSchema.Kind, SummitSchema.KindArticle, Field.Store.NO) };
                    foreach (var person in persons) doc.Add(new SortedSetDocValuesField(SummitSchema.Person, new BytesRef(person)));
                    writer.AddDocument(doc);
                }
                writer.Commit();
            }
        }
        return new IndexSearcher(DirectoryReader.Open(directory));
    }

    private static Dictionary<string, int> Expected() => Segments.SelectMany(s => s).SelectMany(p => p)
        .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Counts_every_value_across_segments_through_global_ordinals()
    {
        var searcher = Searcher();
        Assert.Equal(3, searcher.IndexReader.Leaves.Count);
        var counter = new FacetCounter(searcher, [SummitSchema.Person]);

        searcher.Search(new MatchAllDocsQuery(), counter);

        Assert.Equal(Expected(), counter.Counts(SummitSchema.Person));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void Top_candidates_rank_like_all_counts_including_ties_and_selected_values(int limit)
    {
        var searcher = Searcher();
        var counter = new FacetCounter(searcher, [SummitSchema.Person]);
        searcher.Search(new MatchAllDocsQuery(), counter);
        IReadOnlyList<string> selected = ["Zed", "Nobody"];

        var fromCandidates = ArticleSearcher.FacetValues(SummitSchema.Person,
            counter.TopCandidates(SummitSchema.Person, limit, selected), selected, limit);
        var fromAll = ArticleSearcher.FacetValues(SummitSchema.Person, counter.Counts(SummitSchema.Person), selected, limit);

        Assert.Equal(fromAll, fromCandidates);
    }
}
