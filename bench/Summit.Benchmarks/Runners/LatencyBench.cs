using System.Diagnostics;
using Summit.Benchmarks.Queries;

namespace Summit.Benchmarks.Runners;

/// <summary>Latency of one query class on one runner at one concurrency. Milliseconds.</summary>
public sealed record ClassLatency(
    string Runner, string Class, int Threads, int Samples, double P50, double P95, double P99, double Mean,
    double QueriesPerSecond, double MeanHits, double LoadAverage);

/// <summary>
/// Measures a runner per query class after a warm-up: every thread cycles through the class' queries (each
/// thread from its own offset) and every call is timed. A class stops early at the time cap once it has at
/// least <c>MinSamples</c> samples per thread, so a slow engine cannot stall the run.
/// </summary>
public sealed class LatencyBench(int samplesPerThread, int warmupPasses, TimeSpan classTimeCap)
{
    private const int MinSamples = 20;

    /// <summary>The warm-up's passes, and more until it has lasted min(3 s, the class time cap): a few passes over a
    /// small index take a fraction of a second, before the runtime has compiled the hot code at its last tier.</summary>
    public void WarmUp(IQueryRunner runner, IReadOnlyList<BenchQuery> queries)
    {
        var least = TimeSpan.FromSeconds(Math.Min(3, classTimeCap.TotalSeconds));
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < warmupPasses || (warmupPasses > 0 && clock.Elapsed < least); pass++)
            foreach (var query in queries) runner.Run(query);
    }

    public IReadOnlyList<ClassLatency> Measure(IQueryRunner runner, IReadOnlyList<BenchQuery> queries, int threads)
    {
        var results = new List<ClassLatency>();
        foreach (var cls in QueryClasses.All)
        {
            var classQueries = queries.Where(q => q.Class == cls).ToList();
            if (classQueries.Count == 0) continue;
            results.Add(MeasureClass(runner, cls, classQueries, threads));
        }
        return results;
    }

    private ClassLatency MeasureClass(IQueryRunner runner, string cls, List<BenchQuery> queries, int threads)
    {
        var samples = new List<double>[threads];
        var hits = new long[threads];
        using var start = new Barrier(threads + 1);
        var deadline = 0L;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = samples[t] = new List<double>(samplesPerThread);
            start.SignalAndWait();
            for (var i = 0; i < samplesPerThread; i++)
            {
                var query = queries[(i + t * 7) % queries.Count];
                var began = Stopwatch.GetTimestamp();
                hits[t] += runner.Run(query);
                mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                if (i >= MinSamples && Stopwatch.GetTimestamp() > Volatile.Read(ref deadline)) break;
            }
        }) { IsBackground = true, Name = $"bench-{t}" }).ToList();
        foreach (var worker in workers) worker.Start();

        Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(classTimeCap.TotalSeconds * Stopwatch.Frequency));
        var wall = Stopwatch.StartNew();
        start.SignalAndWait();
        foreach (var worker in workers) worker.Join();
        wall.Stop();

        var all = samples.SelectMany(s => s).Order().ToArray();
        return new ClassLatency(runner.Name, cls, threads, all.Length,
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Average(),
            all.Length / wall.Elapsed.TotalSeconds, (double)hits.Sum() / all.Length, Machine.LoadAverage());
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
