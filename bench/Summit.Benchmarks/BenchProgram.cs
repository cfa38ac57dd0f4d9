using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Summit.Benchmarks.Corpus;
using Summit.Benchmarks.Http;
using Summit.Benchmarks.Indexing;
using Summit.Benchmarks.Queries;
using Summit.Benchmarks.Report;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks;

/// <summary>Runs the stages in order: corpora → indexing → query set → in-process runners → HTTP → report.</summary>
public sealed class BenchProgram
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly BenchOptions _options;
    private readonly TextWriter _output;

    private BenchProgram(BenchOptions options, TextWriter output)
    {
        _options = options;
        _output = output;
    }

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out);

    /// <summary>The whole command line (parsing, --help, the run); progress and the report go to <paramref name="output"/>.
    /// Public so the smoke test in Summit.Tests can run the benchmark in-process.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output) =>
        BenchOptions.CreateCommand(options => new BenchProgram(options, output).RunAsync())
            .Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

    private async Task<int> RunAsync()
    {
        var options = _options;
        if (options.RenderJson is { } json)
        {
            var (md, summary) = ReportWriter.Render(json, options.UpdateReadme ? Path.Combine(options.RepositoryRoot, "bench", "README.md") : null);
            _output.WriteLine($"wrote {md} and {summary}");
            return 0;
        }
        if (options.CurveJson is { } reports)
        {
            var (table, chart) = ScalingCurve.Write(reports, options.ResultsPath);
            _output.WriteLine($"wrote {table} and {chart}");
            return 0;
        }
        var reutersFolder = Path.Combine(options.CorporaPath, "reuters21578");
        var bbcFolder = Path.Combine(options.CorporaPath, "bbc");
        if (!Directory.Exists(reutersFolder) || !Directory.Exists(bbcFolder))
        {
            _output.WriteLine($"Corpora not found under {options.CorporaPath} (need reuters21578/ and bbc/); benchmark skipped.");
            return 0;
        }
        return await RunAsync(reutersFolder, bbcFolder);
    }

    private async Task<int> RunAsync(string reutersFolder, string bbcFolder)
    {
        var options = _options;
        var started = DateTimeOffset.UtcNow;
        var notes = new List<string>();
        Directory.CreateDirectory(options.DataPath);

        // 1. Corpora.
        Log($"reading corpora from {options.CorporaPath}");
        var reuters = ReutersReader.Read(reutersFolder).ToList();
        var bbc = BbcReader.Read(bbcFolder).ToList();
        Log($"  {reuters.Count:N0} Reuters stories with a body, {bbc.Count:N0} BBC stories");
        // The cap (--real-articles) keeps small runs such as the smoke test short; the synthetic corpus still draws on all sentences.
        var real = options.RealArticles is { } cap ? reuters.Take(cap).ToList() : reuters;
        var realPath = Path.Combine(options.DataPath, "reuters-real.jsonl");
        if (real.Count > 0) CorpusBuilder.WriteReal(realPath, real);
        var builder = new CorpusBuilder([.. reuters, .. bbc], options.Seed);
        var syntheticPath = Path.Combine(options.DataPath, $"synthetic-{options.Articles}-{options.Seed}.jsonl");
        var syntheticIndex = Path.Combine(options.DataPath, $"index-{options.Articles}-{options.Seed}");
        var reuse = options.ReuseIndex && Directory.Exists(syntheticIndex) && File.Exists(syntheticPath);
        if (!reuse)
        {
            Log($"writing {options.Articles:N0} synthetic articles from {builder.SentenceCount:N0} real sentences");
            builder.WriteSynthetic(syntheticPath, options.Articles);
        }
        var corpora = new List<CorpusInfo>();
        if (real.Count > 0)
            corpora.Add(new("reuters-real", real.Count, false, realPath, Megabytes(realPath), "Reuters-21578 stories with a body, as published (1987)"
                + (real.Count < reuters.Count ? Inv($"; the first {real.Count:N0} of {reuters.Count:N0} (--real-articles)") : "")));
        corpora.Add(
            new($"synthetic-{options.Articles}", options.Articles, true, syntheticPath, Megabytes(syntheticPath),
                $"SYNTHETIC: real Reuters/BBC sentences recombined on real templates (length, date, places); seed {options.Seed}"));

        // 2. Indexing: the real Reuters run is always reported next to the synthetic one.
        var indexing = new List<IndexingResult>();
        var realIndex = Path.Combine(options.DataPath, "index-reuters-real");
        if (real.Count == 0) notes.Add("The real Reuters corpus was not indexed (--real-articles 0).");
        if (real.Count > 0)
        {
            // Cold = the CLI in a fresh process, with the indexer's own runtime settings (runtimeconfig), as a user runs it.
            var indexerDll = BuiltDll("Summit.Indexer");
            if (File.Exists(indexerDll))
            {
                Log($"indexing real Reuters with the CLI in a fresh process ({BenchLabels.ReutersCold})");
                indexing.Add(IndexingBench.RunCli(BenchLabels.ReutersCold, indexerDll, realPath, realIndex));
                Log($"  {Describe(indexing[^1])}");
            }
            else
            {
                notes.Add($"Cold (fresh-process) indexing not measured: {indexerDll} not built.");
            }
            // Warm = in this process after one unreported pass, so the JIT has settled.
            Log("indexing real Reuters in-process (warm-up pass, not reported)");
            IndexingBench.Run("warm-up", realPath, realIndex, Log);
            Log($"indexing real Reuters in-process ({BenchLabels.ReutersWarm})");
            indexing.Add(IndexingBench.Run(BenchLabels.ReutersWarm, realPath, realIndex, Log));
            Log($"  {Describe(indexing[^1])}");
        }
        if (reuse)
        {
            notes.Add("The synthetic index was reused (--reuse-index): its indexing was not measured in this run.");
        }
        else
        {
            Log($"indexing synthetic {options.Articles:N0} (full pipeline)");
            indexing.Add(IndexingBench.Run($"synthetic-{options.Articles}", syntheticPath, syntheticIndex, Log));
            Log($"  {Describe(indexing[^1])}");
        }

        // 3. Query set.
        var queries = QuerySetBuilder.Build(syntheticIndex, options.QueriesPerClass, options.Seed);
        var queryFile = Path.Combine(options.DataPath, $"queries-{options.Articles}-{options.Seed}.txt");
        var queryLines = queries.Select(q => q.ToString()).ToList();
        File.WriteAllLines(queryFile, queryLines);
        var querySet = new QuerySetInfo(
            queries.GroupBy(q => q.Class).ToDictionary(g => g.Key, g => g.Count()),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', queryLines))))[..16],
            Path.GetRelativePath(options.RepositoryRoot, queryFile));
        Log($"query set: {queries.Count} queries in {queries.Select(q => q.Class).Distinct().Count()} classes");
        foreach (var missing in QueryClasses.All.Where(c => queries.All(q => q.Class != c)))
            notes.Add($"Query class '{missing}' has no queries: the index holds nothing to draw them from (e.g. no facet values yet).");

        // 4. In-process runners.
        var bench = new LatencyBench(options.SamplesPerThread, options.WarmupPasses, TimeSpan.FromSeconds(options.ClassSeconds));
        var latencies = new List<ClassLatency>();
        using (var floor = new FloorRunner(syntheticIndex)) latencies.AddRange(Measure(bench, floor, queries));
        using (var summit = SummitRunner.Open(syntheticIndex)) latencies.AddRange(Measure(bench, summit, queries));
        // The real corpus next to the synthetic one: Summit at one thread over the real Reuters index and its own query set.
        if (real.Count > 0)
        {
            var realQueries = QuerySetBuilder.Build(realIndex, options.QueriesPerClass, options.Seed);
            // Bare Lucene on the same index and queries beside it, as on the synthetic index.
            using (var floorOnReal = new FloorRunner(realIndex, BenchLabels.FloorOnReuters)) latencies.AddRange(Measure(bench, floorOnReal, realQueries, [1]));
            using var onReal = SummitRunner.Open(realIndex, BenchLabels.SummitOnReuters);
            latencies.AddRange(Measure(bench, onReal, realQueries, [1]));
        }
        SqliteBuild? sqliteBuild = null;
        if (options.Sqlite)
        {
            Log("loading SQLite FTS5 from the index");
            var (sqlite, build) = SqliteRunner.Create(Path.Combine(options.DataPath, $"sqlite-{options.Articles}-{options.Seed}.db"), syntheticIndex);
            sqliteBuild = new SqliteBuild(build.Seconds, build.Articles, build.Quotes, build.DatabaseMegabytes);
            using (sqlite) latencies.AddRange(Measure(bench, sqlite, queries));
            notes.Add("SQLite FTS5 has no fuzzy matching: the typo class runs the misspelt word as written there (0 hits), while Summit and the floor fall back to fuzzy search.");
        }

        // 5. HTTP.
        var (http, apiMemory) = options.Http ? await RunHttpAsync(syntheticIndex, queries, real.Count > 0 ? realIndex : null, notes) : ([], null);

        // 6. Report.
        var report = new BenchReport(started, options.Articles, options.Seed,
            new RunSettings(options.QueriesPerClass, options.SamplesPerThread, options.WarmupPasses, options.ClassSeconds, options.HttpSeconds,
                options.RealArticles is { } c && c < reuters.Count ? c : null),
            MachineFacts(), corpora, indexing,
            querySet, latencies, sqliteBuild, http, [], notes, GitCommit(options.RepositoryRoot), apiMemory);
        report = report with { Targets = TargetChecks.Evaluate(report) };
        var (md, json) = ReportWriter.Write(report, options.ResultsPath);
        _output.WriteLine();
        _output.WriteLine(File.ReadAllText(md));
        Log($"wrote {md} and {json}");
        if (options.UpdateReadme && ReportWriter.UpdateReadme(Path.Combine(options.RepositoryRoot, "bench", "README.md"), ReportWriter.SummaryTable(report)))
            Log("updated the results table in bench/README.md");
        return 0;
    }

    private IReadOnlyList<ClassLatency> Measure(LatencyBench bench, IQueryRunner runner, IReadOnlyList<BenchQuery> queries, int[]? threadCounts = null)
    {
        Log($"warming up {runner.Name}");
        bench.WarmUp(runner, queries);
        var results = new List<ClassLatency>();
        foreach (var threads in threadCounts ?? [1, 2])
        {
            Log($"measuring {runner.Name} at {threads} thread(s)");
            foreach (var l in bench.Measure(runner, queries, threads))
            {
                results.Add(l);
                Log(Inv($"  {l.Class,-14} p50 {l.P50,7:F2}  p95 {l.P95,7:F2}  p99 {l.P99,7:F2} ms  ({l.Samples} samples, {l.MeanHits:N0} hits)"));
            }
        }
        return results;
    }

    /// <summary>Query classes of the HTTP load on the real Reuters index: words, phrases and two-word ANDs.</summary>
    public static readonly IReadOnlyList<string> ReutersHttpClasses =
        [QueryClasses.HighTerm, QueryClasses.MediumTerm, QueryClasses.LowTerm, QueryClasses.TwoWordAnd, QueryClasses.Phrase];

    /// <summary>Queries per class of that load (190 in all).</summary>
    public const int ReutersHttpPerClass = 38;

    /// <param name="realIndex">The real Reuters index, loaded at 16 connections with every request searched; null skips it.</param>
    private async Task<(IReadOnlyList<HttpResult> Results, ApiMemory? Memory)> RunHttpAsync(string indexPath, IReadOnlyList<BenchQuery> queries, string? realIndex,
        List<string> notes)
    {
        var options = _options;
        var wrk = !options.ForceHttpClient && HttpLoad.WrkAvailable();
        if (!wrk)
            notes.Add(options.ForceHttpClient
                ? "HTTP load by the built-in HttpClient loop (--no-wrk), in the benchmark process: not comparable with wrk figures."
                : "HTTP load by the built-in HttpClient loop, in the benchmark process, because wrk is not installed (apt-get install -y wrk): not comparable with wrk figures.");
        var apiDll = BuiltDll("Summit.Search.Api");
        if (!File.Exists(apiDll))
        {
            notes.Add($"HTTP load not measured: {apiDll} not built.");
            return ([], null);
        }
        var load = new HttpLoad(Path.Combine(options.DataPath, "http"));
        ApiProcess? api = null;
        Task<HttpResult> Load(IReadOnlyList<string> paths, int connections, int seconds) =>
            wrk ? Task.FromResult(load.Run(api!.BaseAddress, paths, connections, seconds)) : ClientLoad.RunAsync(api!.BaseAddress, paths, connections, seconds);

        // Every request searched (the target's figure: the search work), then the API as it serves by default, whose
        // result cache answers the rotating query set from memory after its first round.
        async Task<(List<HttpResult>, ApiMemory?)> Levels(bool cached, int[] levels, string index, IReadOnlyList<string> paths, string? corpus = null)
        {
            Log($"starting the API on 127.0.0.1 over {corpus ?? "the synthetic index"}, result cache {(cached ? "on" : "off")}");
            api = await ApiProcess.StartAsync(apiDll, index, ApiRoutes.ReadyPath, TimeSpan.FromMinutes(3), cached ? [] : [ApiProcess.NoResultCache]);
            try
            {
                using var memory = new ProcessMemorySampler(api.ProcessId);
                var failing = await HttpLoad.CheckAsync(api.BaseAddress, paths);
                if (failing.Count > 0)
                    notes.Add($"{failing.Count} of {paths.Count} query URLs did not answer 2xx before the load, e.g. {string.Join("; ", failing.Take(3))}.");
                // Not reported: lets the API's JIT tiers settle before the measured levels. On two busy cores 5 s was
                // far too short: the tiering thread was still the API's largest CPU user, and 16 connections got a
                // fifth of the requests/s they got after 40 s.
                var warmup = Math.Min(40, 4 * options.HttpSeconds);
                Log($"HTTP warm-up: 8 connections, {warmup} s");
                await Load(paths, 8, warmup);
                var results = new List<HttpResult>();
                foreach (var connections in levels)
                {
                    Log($"{(wrk ? "wrk" : ClientLoad.Tool)}: {connections} connection(s), {options.HttpSeconds} s, result cache {(cached ? "on" : "off")}");
                    var result = await Load(paths, connections, options.HttpSeconds) with { ResultCache = cached, Corpus = corpus };
                    Log(Inv($"  {result.RequestsPerSecond:N0} req/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {result.Errors} errors"));
                    results.Add(result);
                }
                return (results, memory.Stop());
            }
            finally
            {
                api.Dispose();
                api = null;
            }
        }

        try
        {
            notes.Add($"HTTP: the API ran with --Search:{ApiProcess.RateLimitSetting}=0, because all load comes from one loopback address; with the default per-client limit a single client is answered 429 beyond its quota.");
            var paths = queries.Select(ApiRoutes.PathFor).ToList();
            var (searched, searchedMemory) = await Levels(cached: false, [1, 16, 64], indexPath, paths);
            var (cachedResults, cachedMemory) = await Levels(cached: true, [16, 64], indexPath, paths);
            List<HttpResult> reuters = [];
            if (realIndex is not null)
            {
                var realPaths = QuerySetBuilder.Build(realIndex, ReutersHttpPerClass, options.Seed)
                    .Where(q => ReutersHttpClasses.Contains(q.Class)).Select(ApiRoutes.PathFor).ToList();
                (reuters, _) = await Levels(cached: false, [16], realIndex, realPaths, BenchLabels.ReutersCorpus);
            }
            // The higher of the two processes' peaks: the cache holds responses on top of what searching needs.
            var used = new[] { searchedMemory, cachedMemory }.OfType<ApiMemory>().MaxBy(m => m.PeakRssMegabytes);
            if (used is not null) Log(Inv($"API peak RSS {used.PeakRssMegabytes:N0} MB, {used.EndRssMegabytes:N0} MB after the load"));
            else notes.Add("API memory not measured: /proc/<pid>/status could not be read.");
            return ([.. searched, .. cachedResults, .. reuters], used);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            notes.Add($"HTTP load failed: {e.Message.Split('\n')[0]}");
            Log($"HTTP load failed: {e.Message}");
            return ([], null);
        }
    }

    /// <summary>A project's built dll in the repository, in this binary's configuration (Debug under dotnet test).</summary>
    private string BuiltDll(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(_options.RepositoryRoot, project, "bin", configuration, "net10.0", project + ".dll");
    }

    /// <summary>The checked-out commit, so a report names the code it measured; null outside a git checkout.</summary>
    private static string? GitCommit(string repositoryRoot)
    {
        try
        {
            var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-C", repositoryRoot, "rev-parse", "--short", "HEAD" }) info.ArgumentList.Add(arg);
            using var git = Process.Start(info);
            if (git is null) return null;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5_000) && git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static MachineInfo MachineFacts()
    {
        var lucene = typeof(Lucene.Net.Index.IndexWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        string sqlite;
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "select sqlite_version()";
            sqlite = command.ExecuteScalar() as string ?? "?";
        }
        return new MachineInfo(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0,
            $".NET {Environment.Version}", System.Runtime.InteropServices.RuntimeInformation.OSDescription, lucene.Split('+')[0], sqlite, Machine.LoadAverage());
    }

    private static string Describe(IndexingResult r) =>
        Inv($"{r.Articles:N0} articles in {r.Seconds:F1} s: {r.ArticlesPerSecond:N0} articles/s ({r.ArticlesPerCpuSecond:N0}/CPU-s, load {r.LoadAverage:F1}), {r.MegabytesPerSecond:F2} MB/s, extraction {r.ExtractionShare:P0}, peak {r.PeakWorkingSetMegabytes:N0} MB, index {r.IndexBytesPerArticle:N0} B/article");

    private static double Megabytes(string path) => File.Exists(path) ? new FileInfo(path).Length / 1024.0 / 1024.0 : 0;

    private void Log(string message) => _output.WriteLine(Inv($"[{_clock.Elapsed.TotalSeconds,7:F1}s] {message}"));

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
