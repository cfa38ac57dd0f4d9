using System.Diagnostics;
using Summit.Indexer.Index;

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
    double PeakManagedHeapMegabytes,
    double AllocatedGigabytes,
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
public static class IndexingBench
{
    public static IndexingResult Run(string label, string inputPath, string indexPath, Action<string> log)
    {
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var inputBytes = new FileInfo(inputPath).Length;
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var cpuBefore = CpuTime();
        using var sampler = new MemorySampler();
        var progress = new Progress<int>(n => { if (n % 50_000 == 0) log($"  {label}: {n:N0} articles"); });
        var summary = IndexingPipeline.Run(inputPath, indexPath, new IndexingOptions(Rebuild: true), progress);
        sampler.Stop();
        var cpu = (CpuTime() - cpuBefore).TotalSeconds;

        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var stats = IndexStats.Read(indexPath);
        var seconds = summary.Elapsed.TotalSeconds;
        var inputMb = inputBytes / 1024.0 / 1024.0;
        return new IndexingResult(
            label,
            summary.Indexed,
            summary.Failed,
            seconds,
            summary.ArticlesPerSecond,
            inputMb,
            seconds > 0 ? inputMb / seconds : 0,
            seconds > 0 ? summary.ExtractionTime.TotalSeconds / seconds : 0,
            sampler.PeakWorkingSet / 1024.0 / 1024.0,
            sampler.PeakManagedHeap / 1024.0 / 1024.0,
            allocated / 1024.0 / 1024.0 / 1024.0,
            stats.SizeBytes / 1024.0 / 1024.0,
            summary.Indexed > 0 ? (double)stats.SizeBytes / summary.Indexed : 0,
            stats.Segments,
            stats.Quotes,
            Environment.ProcessorCount,
            cpu,
            cpu > 0 ? summary.Indexed / cpu : 0,
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
