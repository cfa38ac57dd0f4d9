using System.Globalization;
using System.Text;
using System.Text.Json;
using Summit.Benchmarks.Queries;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks.Report;

/// <summary>Writes <c>results/&lt;date&gt;-&lt;N&gt;.md</c> and <c>.json</c>, and the table for the README.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static (string Markdown, string Json) Write(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{report.Started:yyyy-MM-dd}-{report.Articles}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, Json));
        File.WriteAllText(stem + ".md", Markdown(report));
        File.WriteAllText(stem + ".summary.md", SummaryTable(report) + "\n");
        return (stem + ".md", stem + ".json");
    }

    /// <summary>Rewrites the .md and .summary.md next to an earlier run's .json, re-checking the targets, so a
    /// format change does not need a new measurement.</summary>
    public static (string Markdown, string Summary) Render(string jsonPath, string? readme)
    {
        var report = JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(jsonPath), Json)
            ?? throw new InvalidDataException($"{jsonPath} holds no report");
        report = report with { Targets = TargetChecks.Evaluate(report) };
        var stem = Path.Combine(Path.GetDirectoryName(jsonPath) ?? ".", Path.GetFileNameWithoutExtension(jsonPath));
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, Json));
        File.WriteAllText(stem + ".md", Markdown(report));
        File.WriteAllText(stem + ".summary.md", SummaryTable(report) + "\n");
        if (readme is not null) UpdateReadme(readme, SummaryTable(report));
        return (stem + ".md", stem + ".summary.md");
    }

    public static string Markdown(BenchReport r)
    {
        var md = new StringBuilder();
        var m = r.Machine;
        md.AppendLine(Inv($"# Summit benchmark — {r.Articles:N0} articles ({r.Started:yyyy-MM-dd HH:mm} UTC)"));
        md.AppendLine();
        if (r.Commit is not null) md.AppendLine($"Code: commit `{r.Commit}`.");
        md.AppendLine(Inv($"Machine: {m.Cores} cores, {m.MemoryGigabytes:F0} GiB, {m.DotNet}, {m.Os}; Lucene.Net {m.Lucene}, SQLite {m.Sqlite}. Seed {r.Seed}."));
        md.AppendLine(Inv($"The machine is shared with other engineers' builds and tests (1-minute load average {m.LoadAverageAtStart:F1} at the start, on 2 cores): wall-clock figures are pessimistic and noisy."));
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine(SummaryTable(r));
        md.AppendLine();
        md.AppendLine("## Corpora");
        md.AppendLine();
        md.AppendLine("| corpus | articles | MB | synthetic | what |");
        md.AppendLine("|---|---:|---:|---|---|");
        foreach (var c in r.Corpora)
            md.AppendLine(Inv($"| {c.Label} | {c.Articles:N0} | {c.Megabytes:F1} | {(c.Synthetic ? "**yes**" : "no (real)")} | {c.Description} |"));
        md.AppendLine();
        md.AppendLine("## Indexing (full pipeline: read → extract → index → commit)");
        md.AppendLine();
        md.AppendLine("| run | articles | s | articles/s | MB/s | extraction share | CPU s | articles/CPU-s | load avg | peak working set MB | peak heap MB | allocated GB | index MB | index bytes/article | segments | quote docs |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var i in r.Indexing)
            md.AppendLine(Inv($"| {i.Label} | {i.Articles:N0} | {i.Seconds:F1} | {i.ArticlesPerSecond:N0} | {i.MegabytesPerSecond:F2} | {i.ExtractionShare:P0} | {i.CpuSeconds:F1} | {i.ArticlesPerCpuSecond:N0} | {i.LoadAverage:F1} | {i.PeakWorkingSetMegabytes:N0} | {(i.PeakManagedHeapMegabytes is { } heap ? Inv($"{heap:N0}") : "–")} | {(i.AllocatedGigabytes is { } gb ? Inv($"{gb:F1}") : "–")} | {i.IndexMegabytes:N1} | {i.IndexBytesPerArticle:N0} | {i.Segments} | {i.QuoteDocuments:N0} |"));
        md.AppendLine();
        md.AppendLine("\"cold\" is the indexer CLI (`dotnet Summit.Indexer.dll index --rebuild`) in a fresh process, JIT included, as a user runs it (its own seconds and extraction time; CPU and peak RSS of the child process; heap and allocations not visible); "
            + "\"warm\" runs the pipeline in the benchmark process after one unreported pass. "
            + "articles/CPU-s is the figure least disturbed by other work on the machine; the 1-minute load average is shown next to it.");
        if (r.Sqlite is { } s)
            md.AppendLine(Inv($"\nSQLite FTS5 load of the same {s.Articles:N0} articles and {s.Quotes:N0} quotes (from the Summit index, no extraction): {s.Seconds:F1} s, {s.DatabaseMegabytes:N1} MB."));
        md.AppendLine();
        md.AppendLine("## Queries in-process (ms, after warm-up)");
        md.AppendLine();
        var settings = r.Settings;
        md.AppendLine(Inv($"{settings.WarmupPasses} warm-up passes over the query set per runner; then per class and concurrency up to {settings.SamplesPerThread} timed calls per thread, cut at {settings.ClassSeconds} s once 20 per thread are in."));
        md.AppendLine();
        md.AppendLine(LatencyTable(r.Latencies));
        md.AppendLine();
        var loads = r.Latencies.Where(l => l.LoadAverage >= 0).Select(l => l.LoadAverage).DefaultIfEmpty(-1).ToList();
        md.AppendLine(Inv($"Load average during the query runs: {loads.Min():F1} to {loads.Max():F1}."));
        md.AppendLine();
        md.AppendLine("Runners: **summit** = the API's searcher called in-process (top 10, exact total, facet counts, snippets); "
            + "**lucene-floor** = bare Lucene.Net on the same index, top 10 + count only; **sqlite-fts5** = SQLite FTS5 with bm25(), "
            + "snippet(), exact count and GROUP BY facet counts (country, person, source); **summit@reuters-real** = Summit over the real Reuters index with "
            + "a query set drawn from it the same way (1 thread), and **lucene-floor@reuters-real** bare Lucene.Net on that index and query set. "
            + "Ratios are p50 / p50 on the synthetic index.");
        md.AppendLine();
        if (r.Http.Count > 0)
        {
            md.AppendLine($"## HTTP API on loopback ({string.Join(", ", r.Http.Select(h => h.Tool).Distinct())}, rotating through the query set)");
            md.AppendLine();
            md.AppendLine("| index | result cache | connections | s | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors (non-2xx) |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var h in r.Http)
                md.AppendLine(Inv($"| {IndexLabel(h)} | {CacheLabel(h)} | {h.Connections} | {h.Seconds:F0} | {h.Requests:N0} | {h.RequestsPerSecond:N0} | {h.P50:F2} | {h.P90:F2} | {h.P99:F2} | {h.Max:F1} | {h.Errors} ({h.Non2xx}) |"));
            md.AppendLine();
            md.AppendLine("\"off\": every request is searched (`--Search:ResultCacheEntries=0`), the figure the target is judged on. "
                + "\"on\": the API as it serves by default; its result cache answers a repeated request from memory until the index "
                + "changes, and the load rotates through the same query set, so after the first round nearly every request is a cache hit. "
                + "That is what a popular query costs, not what a new one does."
                + (r.Http.Any(h => !h.Synthetic) ? Inv($" The {BenchLabels.ReutersCorpus} row loads the real Reuters index with {BenchProgram.ReutersHttpPerClass * BenchProgram.ReutersHttpClasses.Count} queries drawn from it ({string.Join(", ", BenchProgram.ReutersHttpClasses)}), every request searched.") : ""));
            md.AppendLine();
            if (r.ApiMemory is { } a)
            {
                md.AppendLine(Inv($"API memory: peak RSS **{a.PeakRssMegabytes:N0} MB** (kernel high-water mark VmHWM, startup included); highest of {a.Samples} samples of VmRSS every 100 ms during the load {a.SampledPeakRssMegabytes:N0} MB; {a.EndRssMegabytes:N0} MB after it.")
                    + (a.SampledPeakAnonMegabytes is { } anon && a.SampledPeakFileMegabytes is { } file
                        ? Inv($" Of the samples, the highest anonymous part (heap, stacks) was {anon:N0} MB and the highest file-backed part (the mapped index files and the program's own libraries: page cache the kernel can take back) {file:N0} MB.")
                        : ""));
                md.AppendLine();
            }
        }
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var t in r.Targets)
            md.AppendLine($"| {t.Target} | {t.Measured} | {t.Met switch { true => "yes", false => "**no**", null => "not measured" }} |");
        md.AppendLine();
        if (r.Notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in r.Notes) md.AppendLine("- " + note);
            md.AppendLine();
        }
        md.AppendLine("## Query set");
        md.AppendLine();
        md.AppendLine("Drawn from the synthetic index with the fixed seed (document frequencies of the unstemmed body field, stored bodies, "
            + "facet doc values, stored quotes). Queries per class: "
            + string.Join(", ", r.QuerySet.PerClass.Select(p => $"{p.Key} {p.Value}")) + $". Fingerprint `{r.QuerySet.Fingerprint}`. "
            + $"The words come from research-only corpora, so the list is kept in the git-ignored `{r.QuerySet.File}`, not here.");
        return md.ToString();
    }

    /// <summary>The compact table for the READMEs: indexing, Summit per class next to the floor and SQLite, HTTP.</summary>
    public static string SummaryTable(BenchReport r)
    {
        var md = new StringBuilder();
        md.Append(Inv($"{r.Started:yyyy-MM-dd}, {r.Machine.Cores} cores / {r.Machine.MemoryGigabytes:F0} GiB, {r.Machine.DotNet}, shared machine (load average {r.Machine.LoadAverageAtStart:F1} at start). "));
        md.AppendLine(Inv($"Corpus: **{r.Articles:N0} synthetic articles** built from real Reuters-21578 and BBC sentences, next to the real Reuters run. Full report: `bench/results/{r.Started:yyyy-MM-dd}-{r.Articles}.md`."));
        md.AppendLine();
        md.AppendLine("| indexing (full pipeline) | articles | articles/s | articles/CPU-s | extraction share | peak MB | index bytes/article |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var i in r.Indexing)
            md.AppendLine(Inv($"| {i.Label} | {i.Articles:N0} | {i.ArticlesPerSecond:N0} | {i.ArticlesPerCpuSecond:N0} | {i.ExtractionShare:P0} | {i.PeakWorkingSetMegabytes:N0} | {i.IndexBytesPerArticle:N0} |"));
        md.AppendLine();
        md.AppendLine("| query class (1 thread, ms) | Summit p50 | Summit p99 | floor p50 | Summit ÷ floor | SQLite FTS5 p50 | Summit ÷ SQLite |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var cls in QueryClasses.All)
        {
            ClassLatency? Get(string runner) => r.Latencies.FirstOrDefault(l => l.Runner == runner && l.Class == cls && l.Threads == 1);
            var (summit, floor, sqlite) = (Get("summit"), Get("lucene-floor"), Get("sqlite-fts5"));
            if (summit is null && floor is null && sqlite is null) continue;
            string F(double? v) => v is { } x ? Inv($"{x:F2}") : "–";
            md.AppendLine($"| {cls} | {F(summit?.P50)} | {F(summit?.P99)} | {F(floor?.P50)} |{Ratio(summit, floor)} {F(sqlite?.P50)} |{Ratio(summit, sqlite)}");
        }
        md.AppendLine();
        md.AppendLine(Inv($"Summit column = the {r.Articles:N0}-article synthetic index")
            + (r.Latencies.Any(l => l.Runner == BenchLabels.SummitOnReuters) ? $"; the real Reuters index (own query set) is in the full report as `{BenchLabels.SummitOnReuters}`." : "."));
        if (r.Http.Count > 0)
        {
            md.AppendLine();
            md.AppendLine($"| HTTP ({string.Join(", ", r.Http.Select(h => h.Tool).Distinct())}, loopback) | result cache | req/s | p50 ms | p99 ms | errors |");
            md.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var h in r.Http)
                md.AppendLine(Inv($"| {h.Connections} connection(s){(h.Synthetic ? "" : ", " + h.Corpus)} | {CacheLabel(h)} | {h.RequestsPerSecond:N0} | {h.P50:F2} | {h.P99:F2} | {h.Errors} |"));
            if (r.Http.Any(h => h.ResultCache))
                md.AppendLine("\nResult cache off: every request searched (the target's figure); on: the API's default, answering the repeated query set from memory.");
            if (r.ApiMemory is { } a) md.AppendLine(Inv($"\nAPI peak RSS during the HTTP load: {a.PeakRssMegabytes:N0} MB."));
        }
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var t in r.Targets)
            md.AppendLine($"| {t.Target} | {t.Measured} | {t.Met switch { true => "yes", false => "**no**", null => "not measured" }} |");
        return md.ToString().TrimEnd();
    }

    /// <summary>Replaces the text between the RESULTS markers of <paramref name="readme"/>, if it has them.</summary>
    public static bool UpdateReadme(string readme, string table)
    {
        const string Start = "<!-- RESULTS -->", End = "<!-- /RESULTS -->";
        if (!File.Exists(readme)) return false;
        var text = File.ReadAllText(readme);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from) return false;
        File.WriteAllText(readme, text[..(from + Start.Length)] + "\n" + table + "\n" + text[to..]);
        return true;
    }

    /// <summary>One row per class: p50/p95/p99 per runner at 1 and 2 threads, and the ratios.</summary>
    public static string LatencyTable(IReadOnlyList<ClassLatency> latencies)
    {
        var md = new StringBuilder();
        var runners = latencies.Select(l => l.Runner).Distinct().ToList();
        var threadCounts = latencies.Select(l => l.Threads).Distinct().Order().ToList();
        var header = new StringBuilder("| class | threads |");
        var rule = new StringBuilder("|---|---:|");
        foreach (var runner in runners)
        {
            header.Append($" {runner} p50 / p95 / p99 |");
            rule.Append("---:|");
        }
        var hasSummit = runners.Contains("summit");
        if (hasSummit && runners.Contains("lucene-floor")) { header.Append(" summit ÷ floor |"); rule.Append("---:|"); }
        if (hasSummit && runners.Contains("sqlite-fts5")) { header.Append(" summit ÷ sqlite |"); rule.Append("---:|"); }
        header.Append(" hits (mean) |");
        rule.Append("---:|");
        md.AppendLine(header.ToString());
        md.AppendLine(rule.ToString());
        foreach (var threads in threadCounts)
            foreach (var cls in QueryClasses.All)
            {
                var row = latencies.Where(l => l.Class == cls && l.Threads == threads).ToList();
                if (row.Count == 0) continue;
                var line = new StringBuilder($"| {cls} | {threads} |");
                foreach (var runner in runners)
                {
                    var l = row.FirstOrDefault(x => x.Runner == runner);
                    line.Append(l is null ? " – |" : Inv($" {l.P50:F2} / {l.P95:F2} / {l.P99:F2} |"));
                }
                var summit = row.FirstOrDefault(x => x.Runner == "summit");
                if (hasSummit && runners.Contains("lucene-floor")) line.Append(Ratio(summit, row.FirstOrDefault(x => x.Runner == "lucene-floor")));
                if (hasSummit && runners.Contains("sqlite-fts5")) line.Append(Ratio(summit, row.FirstOrDefault(x => x.Runner == "sqlite-fts5")));
                var hits = (summit ?? row[0]).MeanHits;
                line.Append(Inv($" {hits:N0} |"));
                md.AppendLine(line.ToString());
            }
        return md.ToString().TrimEnd();
    }

    private static string Ratio(ClassLatency? a, ClassLatency? b) =>
        a is null || b is null || b.P50 <= 0 ? " – |" : Inv($" {a.P50 / b.P50:F1}× |");

    private static string CacheLabel(Http.HttpResult h) => h.ResultCache ? "on" : "off";

    private static string IndexLabel(Http.HttpResult h) => h.Corpus ?? "synthetic";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
