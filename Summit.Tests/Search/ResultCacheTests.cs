using Summit.Engine.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Summit.Engine.Index;

namespace Summit.Tests.Search;

public sealed class ResultCacheTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;

    public ResultCacheTests()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer()));
        Commit("first");
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    private void Commit(string id)
    {
        _writer.AddDocument(new Document { new StringField(SummitSchema.Id, id, Field.Store.YES) });
        _writer.Commit();
    }

    private sealed class Counting
    {
        public int Calls;
        public Func<string> For(string answer) => () => { Calls++; return answer; };
    }

    [Fact]
    public void A_repeated_request_on_the_same_reader_is_computed_once()
    {
        var cache = new ResultCache(100);
        var computed = new Counting();
        using var reader = DirectoryReader.Open(_directory);
        var request = new SearchRequest { Query = "oil", Countries = ["JP"] };

        var first = cache.GetOrCompute(reader, "search", request, computed.For("answer"));
        // An equal request built anew (other list instances) is the same key.
        var second = cache.GetOrCompute(reader, "search", request with { Countries = ["JP"] }, computed.For("other"));

        Assert.Equal(1, computed.Calls);
        Assert.Same(first, second);
    }

    public static TheoryData<SearchRequest> OtherRequests => new()
    {
        new SearchRequest { Query = "oil", Countries = ["JP"], Page = 2 },
        new SearchRequest { Query = "oil", Countries = ["CN"] },
        new SearchRequest { Query = "oil", Countries = ["JP", "CN"] },
        new SearchRequest { Query = "Oil", Countries = ["JP"] },
        new SearchRequest { Query = "oil", Countries = ["JP"], Sort = SearchSort.Date },
        new SearchRequest { Query = "oil", Countries = ["JP"], From = DateTimeOffset.Parse("2024-01-01T00:00:00Z") },
        new SearchRequest { Query = "oil", Countries = ["JP"], Persons = ["Ann Lee"] },
    };

    [Theory]
    [MemberData(nameof(OtherRequests))]
    public void Requests_that_differ_in_any_value_are_computed_apart(SearchRequest other)
    {
        var cache = new ResultCache(100);
        using var reader = DirectoryReader.Open(_directory);
        cache.GetOrCompute(reader, "search", new SearchRequest { Query = "oil", Countries = ["JP"] }, () => "base");

        var answer = cache.GetOrCompute(reader, "search", other, () => "other");

        Assert.Equal("other", answer);
    }

    [Fact]
    public void The_same_request_to_another_endpoint_is_computed_apart()
    {
        var cache = new ResultCache(100);
        using var reader = DirectoryReader.Open(_directory);
        cache.GetOrCompute(reader, "search", new { query = "oil", limit = 5 }, () => "search");

        Assert.Equal("suggest", cache.GetOrCompute(reader, "suggest", new { query = "oil", limit = 5 }, () => "suggest"));
        Assert.Equal("other", cache.GetOrCompute(reader, "suggest", new { query = "oil", limit = 6 }, () => "other"));
    }

    [Fact]
    public void A_newer_reader_starts_empty_and_an_older_one_is_never_cached()
    {
        var cache = new ResultCache(100);
        var computed = new Counting();
        var request = new SearchRequest { Query = "oil" };
        using var old = DirectoryReader.Open(_directory);
        cache.GetOrCompute(old, "search", request, computed.For("old"));
        Commit("second");
        using var newer = DirectoryReader.OpenIfChanged(old)!;

        var fromNewer = cache.GetOrCompute(newer, "search", request, computed.For("new"));
        var fromOld = cache.GetOrCompute(old, "search", request, computed.For("old again"));
        var fromNewerAgain = cache.GetOrCompute(newer, "search", request, computed.For("stale"));

        Assert.Equal(("new", "old again", "new"), (fromNewer, fromOld, fromNewerAgain));
        Assert.Equal(3, computed.Calls);
    }

    [Fact]
    public async Task Requests_racing_with_new_readers_never_fail()
    {
        var cache = new ResultCache(100);
        var current = DirectoryReader.Open(_directory);
        var readers = new List<DirectoryReader> { current };
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // A computation that takes a moment, so a new reader can arrive while it runs.
                    cache.GetOrCompute(Volatile.Read(ref current), "search", new SearchRequest { Query = "q" + random.Next(5) },
                        () => { Thread.SpinWait(2_000); return "answer"; });
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToArray();

        for (var i = 0; i < 40; i++)
        {
            Commit($"doc{i}");
            var next = DirectoryReader.OpenIfChanged(current)!;
            readers.Add(next);
            Volatile.Write(ref current, next);
            await Task.Delay(1);
        }
        await stop.CancelAsync();
        await Task.WhenAll(searchers);
        foreach (var reader in readers) reader.Dispose();

        Assert.Empty(failures);
    }

    [Fact]
    public void A_failed_computation_is_not_kept()
    {
        var cache = new ResultCache(100);
        using var reader = DirectoryReader.Open(_directory);
        var request = new SearchRequest { Query = "\"unclosed" };

        Assert.Throws<QuerySyntaxException>(() => cache.GetOrCompute<SearchRequest, string>(reader, "search", request,
            () => throw new QuerySyntaxException("bad")));

        Assert.Equal("fixed", cache.GetOrCompute(reader, "search", request, () => "fixed"));
    }

    [Fact]
    public void Capacity_zero_computes_every_time()
    {
        var cache = new ResultCache(0);
        var computed = new Counting();
        using var reader = DirectoryReader.Open(_directory);

        cache.GetOrCompute(reader, "search", new SearchRequest { Query = "oil" }, computed.For("a"));
        cache.GetOrCompute(reader, "search", new SearchRequest { Query = "oil" }, computed.For("b"));

        Assert.Equal(2, computed.Calls);
    }
}
