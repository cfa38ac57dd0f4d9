using Summit.Benchmarks.Http;
using Summit.Benchmarks.Indexing;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks.Report;

public sealed record MachineInfo(int Cores, double MemoryGigabytes, string DotNet, string Os, string Lucene, string Sqlite, double LoadAverageAtStart);

public sealed record CorpusInfo(string Label, int Articles, bool Synthetic, string Path, double Megabytes, string Description);

public sealed record TargetCheck(string Target, string Measured, bool? Met);

/// <param name="PerClass">Queries per class.</param>
/// <param name="Fingerprint">SHA-256 of the query list, so two reports can be seen to use the same set. The words
/// themselves come from research-only corpora and are written to the git-ignored data folder, not to results.</param>
public sealed record QuerySetInfo(IReadOnlyDictionary<string, int> PerClass, string Fingerprint, string File);

/// <param name="RealArticles">Cap on the real Reuters stories indexed (--real-articles); null = all of them.</param>
public sealed record RunSettings(int QueriesPerClass, int SamplesPerThread, int WarmupPasses, int ClassSeconds, int HttpSeconds, int? RealArticles = null);

public sealed record SqliteBuild(double Seconds, int Articles, int Quotes, double DatabaseMegabytes);

/// <summary>Everything one benchmark run measured; serialised as the results JSON.</summary>
public sealed record BenchReport(
    DateTimeOffset Started,
    int Articles,
    int Seed,
    RunSettings Settings,
    MachineInfo Machine,
    IReadOnlyList<CorpusInfo> Corpora,
    IReadOnlyList<IndexingResult> Indexing,
    QuerySetInfo QuerySet,
    IReadOnlyList<ClassLatency> Latencies,
    SqliteBuild? Sqlite,
    IReadOnlyList<HttpResult> Http,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<string> Notes,
    string? Commit = null,
    ApiMemory? ApiMemory = null);
