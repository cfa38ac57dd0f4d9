using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Indexer;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Index;

public sealed class IndexingPipelineTests : InputAndIndexFolders
{
    [Fact]
    public void Good_articles_are_indexed_with_their_quotes_and_bad_files_are_reported()
    {
        File.Copy(RepoPaths.SeedArticle, Path.Combine(Input.Path, "seed.txt"));
        Input.File("batch.jsonl", """
            {"id":"n1","title":"Port strike","body":"Dock workers walked out. \"We will not go back,\" a union leader said.","date":"2024-01-02"}
            {"id":"n2", broken
            {"id":"n3","title":"Harvest","body":"Farmers expect a record crop.","date":"2024-02-03"}
            """);
        Input.File("empty.json", "");

        var summary = IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());

        Assert.Equal(3, summary.Indexed);
        Assert.Equal(2, summary.Failed);
        Assert.Contains(summary.Failures, f => f.File.EndsWith("batch.jsonl") && f.Line == 2);
        Assert.Contains(summary.Failures, f => f.File.EndsWith("empty.json"));
        var stats = IndexStats.Read(Index.Path);
        Assert.Equal(3, stats.Articles);
        Assert.True(stats.Quotes >= 2, $"expected the quotes of the seed and n1, got {stats.Quotes}");
    }

    [Fact]
    public void Indexing_the_same_files_again_updates_and_never_duplicates()
    {
        Input.File("a.jsonl", """
            {"id":"a1","body":"First version. \"Quoted words here,\" she said."}
            {"id":"a2","body":"Second article."}
            """);
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());
        var before = IndexStats.Read(Index.Path);

        Input.File("a.jsonl", """
            {"id":"a1","body":"Revised version without any quotation."}
            {"id":"a2","body":"Second article."}
            """);
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());
        var after = IndexStats.Read(Index.Path);

        Assert.Equal(2, before.Articles);
        Assert.Equal(1, before.Quotes);
        Assert.Equal(2, after.Articles);
        Assert.Equal(0, after.Quotes);
        Assert.Equal(["Revised version without any quotation."], StoredBodies("a1"));
    }

    [Fact]
    public void Duplicate_ids_in_one_run_keep_the_first_and_report_the_second()
    {
        Input.File("1.json", """{"id":"same","body":"One."}""");
        Input.File("2.json", """{"id":"same","body":"Two."}""");

        var summary = IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions(Threads: 1));

        Assert.Equal(1, summary.Indexed);
        Assert.Contains("duplicate id 'same'", Assert.Single(summary.Failures).Reason);
        Assert.Equal(["One."], StoredBodies("same"));
    }

    [Fact]
    public void Rebuild_starts_from_an_empty_index()
    {
        Input.File("x.json", """{"id":"x","body":"Kept."}""");
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());
        File.Delete(Path.Combine(Input.Path, "x.json"));
        Input.File("y.json", """{"id":"y","body":"New."}""");

        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions(Rebuild: true));

        Assert.Empty(StoredBodies("x"));
        Assert.Single(StoredBodies("y"));
    }

    [Fact]
    public void Extract_command_writes_the_scorer_format_with_offsets_into_the_body()
    {
        var output = Path.Combine(Index.Path, "facts.jsonl");
        Input.File("in.jsonl", """{"id":"e1","title":null,"body":"PARIS (Reuters) - \"Prices will fall,\" the minister said."}""");

        var exit = Commands.Extract(Input.Path, output);

        Assert.Equal(ExitCodes.Success, exit);
        using var json = JsonDocument.Parse(File.ReadAllLines(output).Single());
        var root = json.RootElement;
        Assert.Equal("e1", root.GetProperty("id").GetString());
        foreach (var key in new[] { "persons", "countries", "places", "quotes" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(key).ValueKind);
        var quote = root.GetProperty("quotes").EnumerateArray().Single();
        var body = "PARIS (Reuters) - \"Prices will fall,\" the minister said.";
        Assert.StartsWith("Prices will fall", body[quote.GetProperty("start").GetInt32()..quote.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public void An_article_stores_its_bodys_sentences_for_snippets_and_not_in_its_facts()
    {
        const string body = "Mr. Smith said the talks ended.\n\"We agreed,\" he said. Prices rose 3.5 pct.\nNo more.";
        Input.File("s.jsonl", JsonSerializer.Serialize(new { id = "s1", title = "Talks", body }));

        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());

        var stored = StoredArticles("s1").Single();
        var text = stored.Get(SummitSchema.Body);
        Assert.Contains('\n', text);
        Assert.Equal(Summit.Engine.Extraction.SentenceSplitter.Split(text),
            SentenceOffsets.Decode(stored.GetBinaryValue(SummitSchema.BodySentences)?.Bytes, text.Length));
        Assert.DoesNotContain("entences", stored.Get(SummitSchema.FactsJson));
    }

    private List<string> StoredBodies(string articleId) => StoredArticles(articleId).Select(d => d.Get(SummitSchema.Body)).ToList();

    private List<Lucene.Net.Documents.Document> StoredArticles(string articleId)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(Index.Path));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SummitSchema.Id, articleId)), Occur.MUST },
            { new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), Occur.MUST },
        };
        return searcher.Search(query, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc)).ToList();
    }
}
