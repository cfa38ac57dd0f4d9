using Summit.Benchmarks.Http;
using Summit.Benchmarks.Indexing;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks.Report;

public sealed record MachineInfo(int Cores, double MemoryGigabytes, string DotNet, string Os, string Lucene, string Sqlite, double LoadAverageAtStart);

public sealed record CorpusInfo(string Label, int Articles, bool Synthetic, string Path, double Megabytes, string Description);

public sealed record TargetCheck(string Target, string Measured, bool? Met);

public sealed record SqliteBuild(double Seconds, int Articles, int Quotes, double DatabaseMegabytes);

/// <summary>Everything one benchmark run measured; serialised as the results JSON.</summary>
public sealed record BenchReport(
    DateTimeOffset Started,
    int Articles,
    int Seed,
    MachineInfo Machine,
    IReadOnlyList<CorpusInfo> Corpora,
    IReadOnlyList<IndexingResult> Indexing,
    IReadOnlyList<string> Queries,
    IReadOnlyList<ClassLatency> Latencies,
    SqliteBuild? Sqlite,
    IReadOnlyList<HttpResult> Http,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<string> Notes);
