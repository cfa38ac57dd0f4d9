using Summit.Benchmarks.Queries;

namespace Summit.Benchmarks.Runners;

/// <summary>Answers one benchmark query in-process. Must be safe to call from several threads at once.</summary>
public interface IQueryRunner : IDisposable
{
    string Name { get; }

    /// <summary>Runs the query with the runner's full response work; returns the exact total hit count.</summary>
    long Run(BenchQuery query);
}
