using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Summit.Benchmarks.Http;
using Summit.Engine.Index;

namespace Summit.Benchmarks.Indexing;

/// <summary>Figures of one full-pipeline indexing run (read → extract → index → commit).</summary>
public sealed record IndexingResult(
    string Label,
    int Articles,
    int Failed,
    double Seconds,
    double ArticlesPerSecond,
    double InputMegabytes,
    double MegabytesPerSecond,
    double ExtractionShare,
    double PeakWorkingSetMegabytes,
    double? PeakManagedHeapMegabytes,
    double? AllocatedGigabytes,
    double IndexMegabytes,
    double IndexBytesPerArticle,
    int Segments,
    int QuoteDocuments,
    int Threads,
    double CpuSeconds,
    double ArticlesPerCpuSecond,
    double LoadAverage);

/// <summary>
/// Runs <see cref="IndexingPipeline.Run"/> over a JSONL file into a fresh index and samples memory while it runs,
/// so the peak belongs to the indexing run and not to corpus generation before it.
/// </summary>
public static partial class IndexingBench
{
    /// <summary>"indexed 19,035, failed 0, warnings 0 in 42.3 s (450 articles/s); extraction 8.1 s; ..." (invariant culture).</summary>
    [GeneratedRegex(@"indexed ([\d,]+), failed ([\d,]+), warnings [\d,]+ in ([\d.]+) s .*; extraction ([\d.]+) s")]
    private static partial Regex CliSummary();

    /// <summary>
    /// The CLI as a user runs it, in a fresh process with its own runtimeconfig (<c>dotnet Summit.Indexer.dll index
    /// --rebuild</c>): the cold figure. Seconds and the extraction share are the CLI's own; CPU time is the child's
    /// (getrusage), peak memory its VmHWM. Its managed heap and allocations are not visible from outside (null).
    /// </summary>
    public static IndexingResult RunCli(string label, string indexerDll, string inputPath, string indexPath)
    {
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { indexerDll, "index", "--input", inputPath, "--index", indexPath, "--rebuild" }) info.ArgumentList.Add(arg);
        // Invariant number formatting, so the summary line parses.
        info.Environment["LC_ALL"] = info.Environment["LANG"] = "C";
        // This process has just read the corpora and written the synthetic one: its collection of that garbage is done
        // now rather than on the cores the indexer runs on.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpuBefore = Machine.ChildrenCpuSeconds();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the indexer");
        using (var sampler = new ProcessMemorySampler(process.Id))
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the indexer did not finish within 30 minutes");
            }
            var memory = sampler.Stop();
            var match = CliSummary().Match(stdout.Result);
            if (process.ExitCode != 0 || !match.Success)
                throw new InvalidOperationException($"the indexer exited with {process.ExitCode}: {stdout.Result}\n{stderr.Result}");
            var cpu = Machine.ChildrenCpuSeconds() - cpuBefore;
            double Number(int group) => double.Parse(match.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var (indexed, failed, seconds, extraction) = ((int)Number(1), (int)Number(2), Number(3), Number(4));
            return Result(label, inputPath, indexPath, indexed, failed, seconds, extraction, memory?.PeakRssMegabytes ?? 0, null, null, cpu);
        }
    }

    public static IndexingResult Run(string label, string inputPath, string indexPath, Action<string> log)
    {
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var cpuBefore = CpuTime();
        using var sampler = new MemorySampler();
        var progress = new Progress<int>(n => { if (n % 50_000 == 0) log($"  {label}: {n:N0} articles"); });
        var summary = IndexingPipeline.Run(inputPath, indexPath, new IndexingOptions(Rebuild: true), progress);
        sampler.Stop();
        var cpu = (CpuTime() - cpuBefore).TotalSeconds;

        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return Result(label, inputPath, indexPath, summary.Indexed, summary.Failed, summary.Elapsed.TotalSeconds, summary.ExtractionTime.TotalSeconds,
            sampler.PeakWorkingSet / 1024.0 / 1024.0, sampler.PeakManagedHeap / 1024.0 / 1024.0, allocated / 1024.0 / 1024.0 / 1024.0, cpu);
    }

    private static IndexingResult Result(string label, string inputPath, string indexPath, int indexed, int failed, double seconds,
        double extractionSeconds, double peakWorkingSetMb, double? peakHeapMb, double? allocatedGb, double cpu)
    {
        var stats = IndexStats.Read(indexPath);
        var inputMb = new FileInfo(inputPath).Length / 1024.0 / 1024.0;
        return new IndexingResult(
            label,
            indexed,
            failed,
            seconds,
            seconds > 0 ? indexed / seconds : 0,
            inputMb,
            seconds > 0 ? inputMb / seconds : 0,
            seconds > 0 ? extractionSeconds / seconds : 0,
            peakWorkingSetMb,
            peakHeapMb,
            allocatedGb,
            stats.SizeBytes / 1024.0 / 1024.0,
            indexed > 0 ? (double)stats.SizeBytes / indexed : 0,
            stats.Segments,
            stats.Quotes,
            Environment.ProcessorCount,
            cpu,
            cpu > 0 ? indexed / cpu : 0,
            Machine.LoadAverage());
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Samples the working set and managed heap every 50 ms on a background thread.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public long PeakWorkingSet { get; private set; }
        public long PeakManagedHeap { get; private set; }

        public MemorySampler()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "memory-sampler" };
            _thread.Start();
        }

        private void Loop()
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop)
            {
                Sample(process);
                Thread.Sleep(50);
            }
            Sample(process);
        }

        private void Sample(Process process)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(false));
        }

        public void Stop()
        {
            _stop = true;
            _thread.Join();
        }

        public void Dispose()
        {
            if (!_stop) Stop();
        }
    }
}
