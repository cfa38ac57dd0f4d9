using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Summit.Engine.Search;

namespace Summit.Benchmarks;

/// <summary>Command-line options. Paths default to the repository layout (corpora in <c>../shared/data/corpora</c>).</summary>
/// <param name="RealArticles">How many real Reuters stories the cold and warm indexing runs use; null = all, 0 = none.</param>
/// <param name="ForceHttpClient">Use the built-in HttpClient load loop even when wrk is installed.</param>
public sealed record BenchOptions(
    int Articles,
    int Seed,
    string CorporaPath,
    string DataPath,
    string ResultsPath,
    string RepositoryRoot,
    int QueriesPerClass,
    int SamplesPerThread,
    int HttpSeconds,
    bool Http,
    bool Sqlite,
    bool ReuseIndex,
    bool UpdateReadme,
    int WarmupPasses,
    int ClassSeconds,
    string? RenderJson,
    int? RealArticles = null,
    bool ForceHttpClient = false,
    IReadOnlyList<string>? CurveJson = null)
{
    public const string Description = """
        Summit benchmarks: corpus scaling, indexing, in-process queries (Summit, bare Lucene floor, SQLite FTS5), HTTP load.

          dotnet run -c Release --project bench/Summit.Benchmarks -- --articles 200000
        """;

    /// <summary>The root command; <paramref name="run"/> gets the parsed options (parse errors and --help never reach it).</summary>
    public static RootCommand CreateCommand(Func<BenchOptions, Task<int>> run)
    {
        var articles = IntOption("--articles", "synthetic corpus size (e.g. 200000, 1000000)", 20_000, min: 100);
        var seed = IntOption("--seed", "corpus and query-set seed", 1987);
        var corpora = new Option<string?>("--corpora") { Description = "folder holding reuters21578/ and bbc/ (default ../shared/data/corpora)", HelpName = "PATH" };
        var data = new Option<string?>("--data") { Description = "generated corpora and indexes, git-ignored (default bench/data)", HelpName = "PATH" };
        var results = new Option<string?>("--results") { Description = "where <date>-<N>.md/.json are written (default bench/results)", HelpName = "PATH" };
        var perClass = IntOption("--queries-per-class", "queries per class", 12, min: 1);
        var samples = IntOption("--samples", "timed calls per thread per class", 1000, min: 1);
        var warmup = IntOption("--warmup", "warm-up passes over the query set per runner, continued until min(3 s, --class-seconds) have passed", 3, min: 0);
        var classSeconds = IntOption("--class-seconds", "time cap per class and concurrency, once 20 samples per thread are in", 20, min: 1);
        var httpSeconds = IntOption("--http-seconds", "duration of each HTTP load level (the unreported warm-up is min(40, 4 × this))", 10, min: 1);
        var realArticles = new Option<int?>("--real-articles")
        {
            Description = "real Reuters stories indexed cold and warm (default all ~19k; 0 skips the real runs; a cap leaves the Reuters targets unjudged)",
            HelpName = "N",
            CustomParser = r => ParseInt(r, "--real-articles", min: 0),
        };
        var noHttp = new Option<bool>("--no-http") { Description = "skip the HTTP load" };
        var noWrk = new Option<bool>("--no-wrk") { Description = "load the API with the built-in HttpClient loop even when wrk is installed" };
        var noSqlite = new Option<bool>("--no-sqlite") { Description = "skip the SQLite FTS5 peer" };
        var reuse = new Option<bool>("--reuse-index") { Description = "reuse the synthetic index in --data if present (indexing is then not measured)" };
        var readme = new Option<bool>("--update-readme") { Description = "put this run's summary table into bench/README.md" };
        var render = new Option<string?>("--render") { Description = "rewrite the .md and .summary.md of an earlier run from its .json (no measuring)", HelpName = "FILE.json" };
        var curve = new Option<string[]>("--curve")
        {
            Description = "draw scaling.md and scaling.svg in --results from the .json reports of runs at several sizes (no measuring)",
            HelpName = "FILE.json",
            AllowMultipleArgumentsPerToken = true,
        };

        var root = new RootCommand(Description)
        {
            articles, seed, corpora, data, results, perClass, samples, warmup, classSeconds, httpSeconds, realArticles,
            noHttp, noWrk, noSqlite, reuse, readme, render, curve,
        };
        root.SetAction((result, _) =>
        {
            var repository = FindRepositoryRoot();
            string Folder(Option<string?> option, params string[] fallback) =>
                Path.GetFullPath(result.GetValue(option) ?? Path.Combine([repository, .. fallback]));
            return run(new BenchOptions(
                result.GetValue(articles), result.GetValue(seed),
                Folder(corpora, "..", "shared", "data", "corpora"), Folder(data, "bench", "data"), Folder(results, "bench", "results"),
                repository, result.GetValue(perClass), result.GetValue(samples), result.GetValue(httpSeconds),
                !result.GetValue(noHttp), !result.GetValue(noSqlite), result.GetValue(reuse), result.GetValue(readme),
                result.GetValue(warmup), result.GetValue(classSeconds), result.GetValue(render),
                result.GetValue(realArticles), result.GetValue(noWrk), result.GetValue(curve) is { Length: > 0 } curves ? curves : null));
        });
        return root;
    }

    /// <summary>An integer option that also takes <c>200_000</c>, as the hand-written parser did.</summary>
    private static Option<int> IntOption(string name, string description, int defaultValue, int min = int.MinValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseInt(r, name, min) ?? defaultValue,
    };

    private static int? ParseInt(ArgumentResult result, string name, int min)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{text}' is not a whole number");
            return null;
        }
        if (value < min) result.AddError($"{name} must be at least {min}, not {value}");
        return value;
    }

    /// <summary>The folder holding Summit.sln, searched upwards from the working directory and the binary.</summary>
    private static string FindRepositoryRoot() =>
        SearchPaths.FindRepositoryRoot(Directory.GetCurrentDirectory())
        ?? SearchPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? Directory.GetCurrentDirectory();
}
