using Summit.Search.Api.Search;
using System.Globalization;

namespace Summit.Benchmarks;

/// <summary>Command-line options. Paths default to the repository layout (corpora in <c>../shared/data/corpora</c>).</summary>
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
    string? RenderJson)
{
    public const string Usage = """
        Summit benchmarks: corpus scaling, indexing, in-process queries (Summit, bare Lucene floor, SQLite FTS5), HTTP load.

          dotnet run -c Release --project bench/Summit.Benchmarks -- --articles 200000

        Options:
          --articles N          synthetic corpus size (default 20000; e.g. 200000, 1000000)
          --seed N              corpus and query-set seed (default 1987)
          --corpora PATH        folder holding reuters21578/ and bbc/ (default ../shared/data/corpora)
          --data PATH           generated corpora and indexes, git-ignored (default bench/data)
          --results PATH        where <date>-<N>.md/.json are written (default bench/results)
          --queries-per-class N queries per class (default 12)
          --samples N           timed calls per thread per class (default 200)
          --warmup N            warm-up passes over the query set per runner (default 3)
          --class-seconds N     time cap per class and concurrency, once 20 samples per thread are in (default 20)
          --http-seconds N      duration of each HTTP load level (default 10)
          --no-http             skip the HTTP load
          --no-sqlite           skip the SQLite FTS5 peer
          --reuse-index         reuse the synthetic index in --data if present (indexing is then not measured)
          --update-readme       put this run's summary table into bench/README.md
          --render FILE.json    rewrite the .md and .summary.md of an earlier run from its .json (no measuring)
        """;

    public static BenchOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var root = FindRepositoryRoot();
        int articles = 20_000, seed = 1987, perClass = 12, samples = 200, httpSeconds = 10, warmup = 3, classSeconds = 20;
        string? corpora = null, data = null, results = null, render = null;
        bool http = true, sqlite = true, reuse = false, readme = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next().Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
            try
            {
                switch (args[i])
                {
                    case "--articles": articles = NextInt(); break;
                    case "--seed": seed = NextInt(); break;
                    case "--corpora": corpora = Next(); break;
                    case "--data": data = Next(); break;
                    case "--results": results = Next(); break;
                    case "--queries-per-class": perClass = NextInt(); break;
                    case "--samples": samples = NextInt(); break;
                    case "--http-seconds": httpSeconds = NextInt(); break;
                    case "--warmup": warmup = NextInt(); break;
                    case "--class-seconds": classSeconds = NextInt(); break;
                    case "--no-http": http = false; break;
                    case "--no-sqlite": sqlite = false; break;
                    case "--reuse-index": reuse = true; break;
                    case "--update-readme": readme = true; break;
                    case "--render": render = Next(); break;
                    case "-h" or "--help": error = ""; return null;
                    default: error = $"unknown option '{args[i]}'"; return null;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                error = e.Message;
                return null;
            }
        }
        if (articles < 100) { error = "--articles must be at least 100"; return null; }
        return new BenchOptions(articles, seed,
            Path.GetFullPath(corpora ?? Path.Combine(root, "..", "shared", "data", "corpora")),
            Path.GetFullPath(data ?? Path.Combine(root, "bench", "data")),
            Path.GetFullPath(results ?? Path.Combine(root, "bench", "results")),
            root, perClass, samples, httpSeconds, http, sqlite, reuse, readme, warmup, classSeconds, render);
    }

    /// <summary>The folder holding Summit.sln, searched upwards from the working directory and the binary.</summary>
    private static string FindRepositoryRoot() =>
        SearchPaths.FindRepositoryRoot(Directory.GetCurrentDirectory())
        ?? SearchPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? Directory.GetCurrentDirectory();
}
