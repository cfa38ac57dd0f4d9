using System.Globalization;
using Summit.Benchmarks.Http;
using Summit.Benchmarks.Indexing;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks.Report;

/// <summary>Compares the figures with the targets. A target that this run did not measure says so.</summary>
public static class TargetChecks
{
    public static IReadOnlyList<TargetCheck> Evaluate(
        int articles, IReadOnlyList<IndexingResult> indexing, IReadOnlyList<ClassLatency> latencies, IReadOnlyList<HttpResult> http)
    {
        var checks = new List<TargetCheck>();
        var reuters = indexing.FirstOrDefault(i => i.Label == BenchLabels.ReutersWarm);
        var cold = indexing.FirstOrDefault(i => i.Label == BenchLabels.ReutersCold);
        const string reutersTarget = "Reuters ~19k full pipeline ≥ 3,000 articles/s";
        checks.Add(cold is null
            ? new(reutersTarget + ", fresh process (as the CLI runs)", "not measured", null)
            : new(reutersTarget + ", fresh process (as the CLI runs)", Inv($"{cold.ArticlesPerSecond:N0} articles/s ({cold.ArticlesPerCpuSecond:N0} per CPU-s, load avg {cold.LoadAverage:F1})"), cold.ArticlesPerSecond >= 3000));
        checks.Add(reuters is null
            ? new(reutersTarget + ", warm process (JIT done)", "not measured", null)
            : new(reutersTarget + ", warm process (JIT done)", Inv($"{reuters.ArticlesPerSecond:N0} articles/s ({reuters.ArticlesPerCpuSecond:N0} per CPU-s, load avg {reuters.LoadAverage:F1})"), reuters.ArticlesPerSecond >= 3000));

        var summit = latencies.Where(l => l.Runner == "summit" && l.Threads == 1).ToList();
        var worstP50 = summit.MaxBy(l => l.P50);
        var worstP99 = summit.MaxBy(l => l.P99);
        var scale = Inv($"{articles:N0}");
        if (articles < 1_000_000)
        {
            var label = articles == 200_000 ? "" : $" (target is for 200k; this run has {scale})";
            checks.Add(worstP50 is null
                ? new("200k: Summit p50 ≤ 2 ms per class" + label, "Summit runner not measured", null)
                : new("200k: Summit p50 ≤ 2 ms per class" + label, Inv($"worst p50 {worstP50.P50:F2} ms ({worstP50.Class})"), articles == 200_000 ? worstP50.P50 <= 2 : null));
            checks.Add(worstP99 is null
                ? new("200k: Summit p99 ≤ 15 ms per class" + label, "Summit runner not measured", null)
                : new("200k: Summit p99 ≤ 15 ms per class" + label, Inv($"worst p99 {worstP99.P99:F2} ms ({worstP99.Class})"), articles == 200_000 ? worstP99.P99 <= 15 : null));
        }
        if (articles >= 1_000_000)
        {
            checks.Add(worstP99 is null
                ? new("1M: Summit p99 ≤ 60 ms", "Summit runner not measured", null)
                : new("1M: Summit p99 ≤ 60 ms", Inv($"worst p99 {worstP99.P99:F2} ms ({worstP99.Class})"), worstP99.P99 <= 60));
        }
        else
        {
            checks.Add(new("1M: Summit p99 ≤ 60 ms", $"not measured in this run ({scale} articles)", null));
        }

        var floor = latencies.Where(l => l.Runner == "lucene-floor" && l.Threads == 1).ToDictionary(l => l.Class);
        var ratios = summit.Where(l => floor.ContainsKey(l.Class) && floor[l.Class].P50 > 0)
            .Select(l => (l.Class, Ratio: l.P50 / floor[l.Class].P50)).ToList();
        checks.Add(ratios.Count == 0
            ? new("Summit p50 ≤ 3× bare-Lucene floor", "not measured", null)
            : new("Summit p50 ≤ 3× bare-Lucene floor", Inv($"worst {ratios.Max(r => r.Ratio):F1}× ({ratios.MaxBy(r => r.Ratio).Class}); {ratios.Count(r => r.Ratio <= 3)}/{ratios.Count} classes within 3×"), ratios.All(r => r.Ratio <= 3)));

        var c16 = http.FirstOrDefault(h => h.Connections == 16);
        var httpLabel = "HTTP at 200k, concurrency 16: ≥ 1,500 req/s, 0 errors" + (articles == 200_000 ? "" : $" (this run has {scale})");
        checks.Add(c16 is null
            ? new(httpLabel, "not measured", null)
            : new(httpLabel, Inv($"{c16.RequestsPerSecond:N0} req/s, {c16.Errors} errors"), articles == 200_000 ? c16.RequestsPerSecond >= 1500 && c16.Errors == 0 : null));
        return checks;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
