namespace Summit.Benchmarks;

/// <summary>Names of the runs that the report and the target checks refer to.</summary>
public static class BenchLabels
{
    public const string ReutersCold = "reuters-real cold";
    public const string ReutersWarm = "reuters-real warm";
    /// <summary>Summit over the real Reuters index (its own query set), reported next to the synthetic runs.</summary>
    public const string SummitOnReuters = "summit@reuters-real";
    public const string FloorOnReuters = "lucene-floor@reuters-real";
    /// <summary>The corpus of HTTP results over the real Reuters index (<see cref="Http.HttpResult.Corpus"/>).</summary>
    public const string ReutersCorpus = "reuters-real";
}
