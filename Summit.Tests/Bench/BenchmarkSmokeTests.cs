using System.Diagnostics;
using System.Text.Json;
using Summit.Benchmarks;
using Summit.Benchmarks.Http;
using Summit.Benchmarks.Queries;
using Summit.Benchmarks.Report;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;
using Xunit.Abstractions;

namespace Summit.Tests.Bench;

/// <summary>Runs alone: the benchmark takes both cores for ~20 s, which would slow (and could time out) the
/// browser tests, and would in turn be slowed by them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection
{
    public const string Name = "benchmark";
}

/// <summary>
/// The benchmark end to end at a tiny size, so it keeps working without being part of every run at full size:
/// 500 synthetic articles, 200 real ones (cold through the indexer CLI, warm in-process), a few samples per class, 1 s per HTTP level (wrk when installed, else
/// the built-in HttpClient loop). In-process through <see cref="BenchProgram.RunAsync"/>, writing to a temp folder.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    private const int Articles = 500;
    private const int RealArticles = 200;

    [SkippableFact]
    public async Task The_benchmark_runs_end_to_end_at_500_articles_and_writes_reports_that_parse()
    {
        var corpora = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "corpora"));
        Skip.IfNot(Directory.Exists(Path.Combine(corpora, "reuters21578")) && Directory.Exists(Path.Combine(corpora, "bbc")),
            $"benchmark smoke test skipped: the research corpora (reuters21578/, bbc/) are not in {corpora}");
        using var temp = new TempDirectory("summit-bench");
        var (data, results) = (Path.Combine(temp.Path, "data"), Path.Combine(temp.Path, "results"));
        var text = new StringWriter();
        // Indexing progress is reported from pool threads.
        using var log = TextWriter.Synchronized(text);
        var clock = Stopwatch.StartNew();
        int exit;
        try
        {
            exit = await BenchProgram.RunAsync(
            [
                "--articles", $"{Articles}", "--real-articles", $"{RealArticles}", "--corpora", corpora, "--data", data, "--results", results,
                "--queries-per-class", "2", "--samples", "3", "--warmup", "1", "--class-seconds", "1", "--http-seconds", "1",
            ], log);
        }
        finally
        {
            output.WriteLine(text.ToString());
        }
        output.WriteLine($"benchmark smoke run: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, exit);

        // The three report files, and the JSON reads back as the report type (as --render reads it).
        var stem = Assert.Single(Directory.GetFiles(results, $"*-{Articles}.json"))[..^".json".Length];
        Assert.True(File.Exists(stem + ".md"), "markdown report missing");
        Assert.True(File.Exists(stem + ".summary.md"), "summary missing");
        var report = JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(stem + ".json"), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(report);
        Assert.Equal(Articles, report.Articles);

        // Indexing: the synthetic corpus in full, the real one capped, nothing failed; the index itself agrees.
        var synthetic = Assert.Single(report.Indexing, i => i.Label == $"synthetic-{Articles}");
        Assert.Equal(Articles, synthetic.Articles);
        Assert.Equal(0, synthetic.Failed);
        Assert.Equal(Articles, IndexStats.Read(Path.Combine(data, $"index-{Articles}-1987")).Articles);
        Assert.All(report.Indexing.Where(i => i.Label.StartsWith("reuters-real", StringComparison.Ordinal)), i => Assert.Equal(RealArticles, i.Articles));
        Assert.Equal(2, report.Indexing.Count(i => i.Label.StartsWith("reuters-real", StringComparison.Ordinal)));
        Assert.All(report.Indexing, i => Assert.True(i.ArticlesPerSecond > 0 && i.CpuSeconds > 0 && i.PeakWorkingSetMegabytes > 0, $"{i.Label}: empty figures"));
        // Cold is the CLI in a child process: its managed heap is not visible, the in-process runs' is.
        Assert.Null(Assert.Single(report.Indexing, i => i.Label == BenchLabels.ReutersCold).PeakManagedHeapMegabytes);
        Assert.True(synthetic.PeakManagedHeapMegabytes > 0, "in-process heap not sampled");

        // Every query class has queries, and every runner timed every class.
        Assert.Equal(QueryClasses.All.Order(), report.QuerySet.PerClass.Keys.Order());
        foreach (var runner in new[] { "summit", "lucene-floor", "sqlite-fts5" })
            foreach (var cls in QueryClasses.All)
                foreach (var threads in new[] { 1, 2 })
                {
                    var l = Assert.Single(report.Latencies, l => l.Runner == runner && l.Class == cls && l.Threads == threads);
                    Assert.True(l.Samples >= 3 * threads && l.P50 > 0 && l.P99 >= l.P50, $"{runner} {cls} at {threads}: {l}");
                }
        Assert.Contains(report.Latencies, l => l.Runner == BenchLabels.SummitOnReuters && l.P50 > 0);

        // HTTP ran with whatever the machine has, answered every request, and the API's memory was read.
        var tool = HttpLoad.WrkAvailable() ? "wrk" : ClientLoad.Tool;
        // Every request searched at 1, 16, 64 connections, then the API's default with its result cache at 16 and 64.
        Assert.Equal([(1, false), (16, false), (64, false), (16, true), (64, true)], report.Http.Select(h => (h.Connections, h.ResultCache)));
        Assert.All(report.Http, h =>
        {
            Assert.Equal(tool, h.Tool);
            Assert.Equal(0, h.Errors);
        });
        // On a loaded machine 64 connections to the Debug API may finish no request within 1 s; one connection must.
        var single = report.Http[0];
        Assert.True(single.Requests > 0 && single.P50 > 0 && single.P99 >= single.P50, $"1 connection: {single}");
        var memory = report.ApiMemory;
        Assert.NotNull(memory);
        Assert.InRange(memory.PeakRssMegabytes, 20, 1536);
        Assert.True(memory.PeakRssMegabytes >= memory.EndRssMegabytes, "peak RSS below the final RSS");

        // The targets table reports the memory, and leaves the capped Reuters runs unjudged.
        Assert.Contains(report.Targets, t => t.Target.Contains("1.5 GB RSS", StringComparison.Ordinal) && t.Measured.Contains("peak RSS", StringComparison.Ordinal));
        Assert.All(report.Targets.Where(t => t.Target.StartsWith("Reuters", StringComparison.Ordinal)), t => Assert.Null(t.Met));
        Assert.Contains("API memory: peak RSS", File.ReadAllText(stem + ".md"), StringComparison.Ordinal);
    }
}
