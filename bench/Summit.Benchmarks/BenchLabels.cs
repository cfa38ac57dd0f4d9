namespace Summit.Benchmarks;

/// <summary>Names of the runs that the report and the target checks refer to.</summary>
public static class BenchLabels
{
    public const string ReutersCold = "reuters-real cold";
    public const string ReutersWarm = "reuters-real warm";
}
