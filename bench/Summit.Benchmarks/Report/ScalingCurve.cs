using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;
using SkiaSharp;
using Summit.Benchmarks.Indexing;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks.Report;

/// <summary>
/// How cost grows with the archive: reads the JSON reports of runs at several sizes and writes one table
/// (<c>scaling.md</c>) and one chart (<c>scaling.svg</c>) of index bytes per article, indexing rate, Summit's p50
/// and p99 per query class and the API's RSS against corpus size. Each size is one full benchmark run; the
/// chart is drawn from their reports only, so it can be redrawn without measuring again.
/// </summary>
public static class ScalingCurve
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One corpus size: what the chart and the table need from its report.</summary>
    private sealed record Point(BenchReport Report, IndexingResult? Indexing, IReadOnlyDictionary<string, ClassLatency> Summit, Http.HttpResult? Http16)
    {
        public int Articles => Report.Articles;
    }

    public static (string Markdown, string Svg) Write(IReadOnlyList<string> jsonPaths, string folder)
    {
        var points = jsonPaths
            .Select(path => JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no report"))
            .Select(ToPoint)
            // The latest run of a size wins when several are given.
            .GroupBy(p => p.Articles).Select(g => g.MaxBy(p => p.Report.Started)!)
            .OrderBy(p => p.Articles)
            .ToList();
        if (points.Count == 0) throw new ArgumentException("no reports given", nameof(jsonPaths));
        Directory.CreateDirectory(folder);
        var markdown = Path.Combine(folder, "scaling.md");
        var svg = Path.Combine(folder, "scaling.svg");
        File.WriteAllText(markdown, Table(points));
        File.WriteAllText(svg, Chart(points));
        return (markdown, svg);
    }

    private static Point ToPoint(BenchReport report) => new(
        report,
        report.Indexing.FirstOrDefault(i => i.Label == $"synthetic-{report.Articles}"),
        report.Latencies.Where(l => l.Runner == "summit" && l.Threads == 1).GroupBy(l => l.Class).ToDictionary(g => g.Key, g => g.First()),
        report.Http.FirstOrDefault(h => h.Synthetic && h.Connections == 16 && !h.ResultCache));

    private static IReadOnlyList<string> Classes(IReadOnlyList<Point> points) =>
        [.. points.SelectMany(p => p.Summit.Keys).Distinct().OrderBy(c => Array.IndexOf(ClassOrder, c) is var i and >= 0 ? i : int.MaxValue).ThenBy(c => c, StringComparer.Ordinal)];

    private static readonly string[] ClassOrder =
        ["term-high", "term-medium", "term-low", "and-2", "phrase", "country+term", "person+term", "date-sort", "typo", "quote"];

    private static string Table(IReadOnlyList<Point> points)
    {
        var md = new StringBuilder();
        md.AppendLine("# How Summit's cost grows with the archive");
        md.AppendLine();
        md.AppendLine("![scaling chart](scaling.svg)");
        md.AppendLine();
        md.AppendLine("The corpora are **synthetic**: real Reuters-21578 and BBC sentences recombined on real article templates "
            + "(see bench/README.md). One benchmark run per size; the full reports are the dated files next to this one. "
            + "Latencies are Summit's in-process searcher at 1 thread (top 10, exact total, facets, snippets, typo tolerance).");
        md.AppendLine();
        md.Append("| | ").AppendJoin(" | ", points.Select(p => Inv($"{p.Articles:N0}"))).AppendLine(" |");
        md.Append("|---|").AppendJoin("", points.Select(_ => "---:|")).AppendLine();
        Row("run (UTC date, commit)", p => $"{p.Report.Started:yyyy-MM-dd} {p.Report.Commit ?? "?"}");
        Row("load average at start (2 cores)", p => Inv($"{p.Report.Machine.LoadAverageAtStart:F1}"));
        Row("index bytes / article", p => p.Indexing is { } i ? Inv($"{i.IndexBytesPerArticle:N0}") : "–");
        Row("index size (GB)", p => p.Indexing is { } i ? Inv($"{i.IndexMegabytes / 1024:F2}") : "–");
        Row("indexing, articles/s (full pipeline)", p => p.Indexing is { } i ? Inv($"{i.ArticlesPerSecond:N0}") : "–");
        Row("indexing, articles / CPU-s", p => p.Indexing is { } i ? Inv($"{i.ArticlesPerCpuSecond:N0}") : "–");
        Row("indexing, peak working set (MB)", p => p.Indexing is { } i ? Inv($"{i.PeakWorkingSetMegabytes:N0}") : "–");
        foreach (var cls in Classes(points))
            Row($"{cls} p50 / p99 (ms)", p => p.Summit.TryGetValue(cls, out var l) ? Inv($"{l.P50:F2} / {l.P99:F1}") : "–");
        Row("HTTP req/s, 16 connections, every request searched", p => p.Http16 is { } h ? Inv($"{h.RequestsPerSecond:N0} (p99 {h.P99:F0} ms)") : "–");
        Row("API peak RSS (MB)", p => p.Report.ApiMemory is { } a ? Inv($"{a.PeakRssMegabytes:N0}") : "–");
        Row("of which anonymous / file-backed, highest samples (MB)", p => p.Report.ApiMemory is { SampledPeakAnonMegabytes: { } anon, SampledPeakFileMegabytes: { } file }
            ? Inv($"{anon:N0} / {file:N0}") : "–");
        return md.ToString();

        void Row(string label, Func<Point, string> cell) =>
            md.Append("| ").Append(label).Append(" | ").AppendJoin(" | ", points.Select(cell)).AppendLine(" |");
    }

    /// <summary>Four panels over a logarithmic corpus-size axis: p50 and p99 per class (log ms), indexing rate,
    /// API RSS with index bytes per article on the right axis.</summary>
    private static string Chart(IReadOnlyList<Point> points)
    {
        const int width = 1400, height = 1000;
        var sizes = points.Select(p => Math.Log10(p.Articles)).ToArray();
        var sizeTicks = points.Select(p => new Tick(Math.Log10(p.Articles), Compact(p.Articles))).ToArray();
        var classes = Classes(points);

        var p50 = LatencyPanel("Summit p50 per query class (ms, log scale)", l => l.P50);
        var p99 = LatencyPanel("Summit p99 per query class (ms, log scale)", l => l.P99);

        var indexing = NewPanel("Indexing, full pipeline (articles/s)");
        var withRate = points.Where(p => p.Indexing is not null).ToList();
        Line(indexing, withRate, p => p.Indexing!.ArticlesPerSecond, "articles/s");
        Line(indexing, withRate, p => p.Indexing!.ArticlesPerCpuSecond, "articles per CPU-s");
        indexing.Axes.SetLimitsY(0, withRate.Select(p => p.Indexing!.ArticlesPerSecond).DefaultIfEmpty(1).Max() * 1.25);

        var memory = NewPanel("API peak RSS (MB, left) · index bytes per article (right)");
        var withRss = points.Where(p => p.Report.ApiMemory is not null).ToList();
        Line(memory, withRss, p => p.Report.ApiMemory!.PeakRssMegabytes, "API peak RSS, MB");
        var withAnon = withRss.Where(p => p.Report.ApiMemory!.SampledPeakAnonMegabytes is not null).ToList();
        Line(memory, withAnon, p => p.Report.ApiMemory!.SampledPeakAnonMegabytes!.Value, "of it anonymous (heap), MB");
        var bytes = Line(memory, withRate, p => p.Indexing!.IndexBytesPerArticle, "index bytes/article (right)");
        bytes.Axes.YAxis = memory.Axes.Right;
        memory.Axes.SetLimitsY(0, withRss.Select(p => p.Report.ApiMemory!.PeakRssMegabytes).DefaultIfEmpty(1).Max() * 1.25, memory.Axes.Left);
        memory.Axes.SetLimitsY(0, withRate.Select(p => p.Indexing!.IndexBytesPerArticle).DefaultIfEmpty(1).Max() * 1.25, memory.Axes.Right);

        var multiplot = new Multiplot(p50); // the constructor's plot is the first panel
        foreach (var panel in new[] { p99, indexing, memory }) multiplot.Subplots.Add(panel);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 2);

        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            multiplot.Render(canvas, new PixelRect(new PixelSize(width, height)));
        return Encoding.UTF8.GetString(stream.ToArray());

        Plot LatencyPanel(string title, Func<ClassLatency, double> value)
        {
            var plot = NewPanel(title);
            var all = new List<double>();
            foreach (var cls in classes)
            {
                var having = points.Where(p => p.Summit.ContainsKey(cls)).ToList();
                all.AddRange(having.Select(p => value(p.Summit[cls])));
                Line(plot, having, p => LogMs(value(p.Summit[cls])), cls);
            }
            var (low, high) = all.Count == 0 ? (LogMs(0.1), LogMs(10)) : (LogMs(all.Min()), LogMs(all.Max()));
            var firstDecade = (int)Math.Floor(low);
            var ticks = Enumerable.Range(firstDecade, (int)Math.Ceiling(high) - firstDecade + 1)
                .SelectMany(d => new[] { 1.0, 2, 5 }.Select(m => m * Math.Pow(10, d)))
                .Select(ms => new Tick(Math.Log10(ms), ms >= 1 ? Inv($"{ms:0}") : Inv($"{ms:0.##}"))).ToArray();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.SetLimitsY(low - 0.1, high + 0.1);
            plot.ShowLegend(Edge.Right); // ten lines: beside the data, not over it
            return plot;
        }

        Plot NewPanel(string title)
        {
            var plot = new Plot();
            plot.Title(title, size: 15);
            plot.XLabel("articles in the index (synthetic corpus, log scale)", size: 12);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(sizeTicks);
            var pad = sizes.Length > 1 ? (sizes[^1] - sizes[0]) * 0.06 : 0.5;
            plot.Axes.SetLimitsX(sizes[0] - pad, sizes[^1] + pad);
            plot.ShowLegend(Alignment.UpperLeft);
            plot.Legend.FontSize = 10;
            return plot;
        }
    }

    /// <summary>Milliseconds on the latency panels' log axis (a zero time would have no logarithm).</summary>
    private static double LogMs(double ms) => Math.Log10(Math.Max(ms, 0.01));

    /// <summary>A line over the log size axis through the points' values.</summary>
    private static ScottPlot.Plottables.Scatter Line(Plot plot, IReadOnlyList<Point> points, Func<Point, double> y, string label)
    {
        var line = plot.Add.Scatter(points.Select(p => Math.Log10(p.Articles)).ToArray(), points.Select(y).ToArray());
        line.LegendText = label;
        line.MarkerSize = 6;
        line.LineWidth = 2;
        return line;
    }

    private static string Compact(int articles) => articles switch
    {
        >= 1_000_000 when articles % 1_000_000 == 0 => Inv($"{articles / 1_000_000}M"),
        >= 1_000 when articles % 1_000 == 0 => Inv($"{articles / 1_000}k"),
        _ => Inv($"{articles:N0}"),
    };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
