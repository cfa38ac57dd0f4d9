using System.Diagnostics;
using System.Text.Json;
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
/// the built-in HttpClient loop). The benchmark's own build runs as a process, as a person runs it, writing to a temp
/// folder; the test reads its JSON report (the tests do not reference the benchmark's code).
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
        var clock = Stopwatch.StartNew();
        var (exit, log) = await RunBenchmarkAsync(
        [
            "--articles", $"{Articles}", "--real-articles", $"{RealArticles}", "--corpora", corpora, "--data", data, "--results", results,
            "--queries-per-class", "2", "--samples", "3", "--warmup", "1", "--class-seconds", "1", "--http-seconds", "1",
        ]);
        output.WriteLine(log);
        output.WriteLine($"benchmark smoke run: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, exit);

        // The three report files, and the JSON parses.
        var stem = Assert.Single(Directory.GetFiles(results, $"*-{Articles}.json"))[..^".json".Length];
        Assert.True(File.Exists(stem + ".md"), "markdown report missing");
        Assert.True(File.Exists(stem + ".summary.md"), "summary missing");
        using var json = JsonDocument.Parse(File.ReadAllText(stem + ".json"));
        var report = json.RootElement;
        Assert.Equal(Articles, report.GetProperty("articles").GetInt32());

        // Indexing: the synthetic corpus in full, the real one capped, nothing failed; the index itself agrees.
        var indexing = report.GetProperty("indexing").EnumerateArray().ToList();
        var synthetic = Assert.Single(indexing, i => Text(i, "label") == $"synthetic-{Articles}");
        Assert.Equal(Articles, synthetic.GetProperty("articles").GetInt32());
        Assert.Equal(0, synthetic.GetProperty("failed").GetInt32());
        Assert.Equal(Articles, IndexStats.Read(Path.Combine(data, $"index-{Articles}-1987")).Articles);
        var real = indexing.Where(i => Text(i, "label").StartsWith("reuters-real", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, real.Count);
        Assert.All(real, i => Assert.Equal(RealArticles, i.GetProperty("articles").GetInt32()));
        Assert.All(indexing, i => Assert.True(Number(i, "articlesPerSecond") > 0 && Number(i, "cpuSeconds") > 0 && Number(i, "peakWorkingSetMegabytes") > 0,
            $"{Text(i, "label")}: empty figures"));
        // Cold is the CLI in a child process: its managed heap is not visible, the in-process runs' is.
        Assert.Equal(JsonValueKind.Null, Assert.Single(indexing, i => Text(i, "label") == "reuters-real cold").GetProperty("peakManagedHeapMegabytes").ValueKind);
        Assert.True(Number(synthetic, "peakManagedHeapMegabytes") > 0, "in-process heap not sampled");

        // Every query class has queries, and every runner timed every class.
        var classes = report.GetProperty("querySet").GetProperty("perClass").EnumerateObject().Select(c => c.Name).ToList();
        Assert.NotEmpty(classes);
        var latencies = report.GetProperty("latencies").EnumerateArray().ToList();
        foreach (var runner in new[] { "summit", "lucene-floor", "sqlite-fts5" })
            foreach (var cls in classes)
                foreach (var threads in new[] { 1, 2 })
                {
                    var l = Assert.Single(latencies, l => Text(l, "runner") == runner && Text(l, "class") == cls && l.GetProperty("threads").GetInt32() == threads);
                    Assert.True(l.GetProperty("samples").GetInt32() >= 3 * threads && Number(l, "p50") > 0 && Number(l, "p99") >= Number(l, "p50"),
                        $"{runner} {cls} at {threads}: {l}");
                }
        Assert.Empty(latencies.Select(l => Text(l, "class")).Distinct().Except(classes));
        foreach (var runner in new[] { "summit@reuters-real", "lucene-floor@reuters-real" })
            Assert.Contains(latencies, l => Text(l, "runner") == runner && Number(l, "p50") > 0);

        // HTTP ran with whatever the machine has, answered every request, and the API's memory was read.
        var tool = WrkInstalled() ? "wrk" : "httpclient";
        var http = report.GetProperty("http").EnumerateArray().ToList();
        // Every request searched at 1, 16, 64 connections, then the API's default with its result cache at 16 and 64;
        // last, the real Reuters index at 16 connections, every request searched.
        Assert.Equal([(1, false, ""), (16, false, ""), (64, false, ""), (16, true, ""), (64, true, ""), (16, false, "reuters-real")],
            http.Select(h => (h.GetProperty("connections").GetInt32(), h.GetProperty("resultCache").GetBoolean(),
                h.TryGetProperty("corpus", out var corpus) && corpus.ValueKind == JsonValueKind.String ? corpus.GetString() : "")));
        Assert.All(http, h =>
        {
            Assert.Equal(tool, Text(h, "tool"));
            Assert.Equal(0, h.GetProperty("errors").GetInt32());
        });
        // On a loaded machine 64 connections to the Debug API may finish no request within 1 s; one connection must.
        var single = http[0];
        Assert.True(single.GetProperty("requests").GetInt32() > 0 && Number(single, "p50") > 0 && Number(single, "p99") >= Number(single, "p50"), $"1 connection: {single}");
        var memory = report.GetProperty("apiMemory");
        Assert.InRange(Number(memory, "peakRssMegabytes"), 20, 1536);
        Assert.True(Number(memory, "peakRssMegabytes") >= Number(memory, "endRssMegabytes"), "peak RSS below the final RSS");

        // The targets table reports the memory, and leaves the capped Reuters runs unjudged.
        var targets = report.GetProperty("targets").EnumerateArray().ToList();
        Assert.Contains(targets, t => Text(t, "target").Contains("1.5 GB RSS", StringComparison.Ordinal) && Text(t, "measured").Contains("peak RSS", StringComparison.Ordinal));
        Assert.All(targets.Where(t => Text(t, "target").StartsWith("Reuters", StringComparison.Ordinal)),
            t => Assert.Equal(JsonValueKind.Null, t.GetProperty("met").ValueKind));
        Assert.Contains("API memory: peak RSS", File.ReadAllText(stem + ".md"), StringComparison.Ordinal);

        // The scaling curve drawn from this report: the table carries its figures, the chart is SVG with every class.
        var curveFolder = Path.Combine(temp.Path, "curve");
        var (curveExit, curveLog) = await RunBenchmarkAsync(["--curve", stem + ".json", "--results", curveFolder]);
        Assert.True(curveExit == 0, curveLog);
        var table = File.ReadAllText(Path.Combine(curveFolder, "scaling.md"));
        Assert.Contains(FormattableString.Invariant($"| index bytes / article | {Number(synthetic, "indexBytesPerArticle"):N0} |"), table, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"| API peak RSS (MB) | {Number(memory, "peakRssMegabytes"):N0} |"), table, StringComparison.Ordinal);
        var chart = System.Xml.Linq.XDocument.Load(Path.Combine(curveFolder, "scaling.svg"));
        Assert.Equal("svg", chart.Root!.Name.LocalName);
        var labels = chart.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.All(classes, cls => Assert.Contains(cls, labels));
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    private static double Number(JsonElement element, string property) => element.GetProperty(property).GetDouble();

    private static bool WrkInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    /// <summary>The benchmark's own build (same configuration as the tests), run from the repository root.</summary>
    private static async Task<(int ExitCode, string Log)> RunBenchmarkAsync(string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "bench", "Summit.Benchmarks", "bin", configuration, "net10.0", "Summit.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"the benchmark is not built at {dll}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the benchmark smoke run did not finish within 10 minutes");
        }
        return (process.ExitCode, await standardOutput + await standardError);
    }
}
