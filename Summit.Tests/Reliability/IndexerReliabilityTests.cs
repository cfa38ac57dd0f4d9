using System.Diagnostics;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NIOFSDirectory = Lucene.Net.Store.NIOFSDirectory;
using Summit.Indexer;
using Summit.Indexer.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Reliability;

public sealed class IndexerReliabilityTests : IDisposable
{
    private readonly TempDirectory _input = new("summit-input");
    private readonly TempDirectory _index = new("summit-index");

    public void Dispose()
    {
        _input.Dispose();
        _index.Dispose();
    }

    [Fact]
    public void Killed_indexer_leaves_its_last_commit_and_a_rerun_completes_without_duplicates()
    {
        const int total = 6000;
        _input.File("many.jsonl", ArticleFiles.Jsonl("k", total, sentencesPerArticle: 30));

        using (var indexer = IndexerProcess.Start("index", "--input", _input.Path, "--index", _index.Path, "--commit-every", "500"))
        {
            // Kill as soon as a second commit point exists: mid-run, with uncommitted documents in memory.
            var deadline = Stopwatch.StartNew();
            while (!indexer.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60)
                   && !Directory.EnumerateFiles(_index.Path, "segments_*").Any(f => !f.EndsWith("segments_1")))
                Thread.Sleep(5);
            Assert.False(indexer.HasExited, "the indexer finished before it could be killed; give it more work");
            indexer.Kill(entireProcessTree: true);
            indexer.WaitForExit();
        }

        var afterKill = ArticleIds(_index.Path);
        Assert.InRange(afterKill.Count, 1, total - 1);
        Assert.Equal(afterKill.Count, afterKill.Distinct().Count());

        var (exit, output, error) = IndexerProcess.Run("index", "--input", _input.Path, "--index", _index.Path);

        Assert.True(exit == ExitCodes.Success, output + error);
        var afterRerun = ArticleIds(_index.Path);
        Assert.Equal(total, afterRerun.Count);
        Assert.Equal(Enumerable.Range(0, total).Select(n => $"k-{n}").Order(), afterRerun.Order());
        Assert.Contains($"index now holds {total:N0} articles", output);
    }

    [Fact]
    public void A_second_writer_gets_a_clear_message_naming_the_lock()
    {
        _input.File("a.json", """{"id":"a","body":"Text."}""");
        using var first = IndexBuilder.Open(_index.Path);

        var error = Assert.Throws<IndexUnavailableException>(() => IndexBuilder.Open(_index.Path));

        Assert.Contains("being written by another process", error.Message);
        Assert.Contains("write.lock", error.Message);
    }

    [Fact]
    public void Truncated_index_file_is_named_with_the_fix_and_check_reports_damage()
    {
        _input.File("a.jsonl", ArticleFiles.Jsonl("t", 200));
        IndexingPipeline.Run(_input.Path, _index.Path, new IndexingOptions());
        var biggest = new DirectoryInfo(_index.Path).GetFiles().Where(f => f.Name != "write.lock").MaxBy(f => f.Length)!;
        using (var stream = biggest.Open(FileMode.Open)) stream.SetLength(biggest.Length / 2);

        var error = Assert.Throws<IndexUnavailableException>(() => IndexStats.Read(_index.Path));
        var check = IndexCheckResult.Run(_index.Path);

        Assert.Contains(biggest.Name, error.Message);
        Assert.Contains("--rebuild", error.Message);
        Assert.False(check.Clean);
    }

    [Fact]
    public void Stats_check_passes_a_healthy_index()
    {
        _input.File("a.jsonl", ArticleFiles.Jsonl("h", 50));
        IndexingPipeline.Run(_input.Path, _index.Path, new IndexingOptions());

        var (exit, output, _) = IndexerProcess.Run("stats", "--index", _index.Path, "--check", "--json");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("\"articles\":50", output);
        Assert.Contains("\"clean\":true", output);
    }

    [Fact]
    public void Ten_thousand_files_with_bad_ones_index_every_good_article_and_report_each_bad_one_once()
    {
        const int good = 9_990;
        for (var n = 0; n < good; n++)
            _input.File($"ok/{n / 1000}/a{n}.json", $$"""{"id":"g{{n}}","title":"T{{n}}","body":"Body of article {{n}}."}""");
        _input.File("bad/empty.json", "");
        _input.File("bad/binary.txt", [0x00, 0x01, 0x02, 0xFF]);
        _input.File("bad/latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9\nna\u00efve text"));
        _input.File("bad/broken.json", """{"id":"x","body":""");
        _input.File("bad/dup.json", """{"id":"g5","body":"Another article claiming id g5."}""");
        _input.File("bad/nobody.json", """{"id":"nb","title":"Only a title"}""");
        using (var big = File.Create(Path.Combine(_input.Path, "bad", "huge.txt"))) big.SetLength(50L * 1024 * 1024);
        _input.File("bad/lines.jsonl", "{\"id\":\"l1\",\"body\":\"Fine.\"}\nnot json at all\n");
        _input.File("bad/slash.json", """{"id":"a/b","body":"Path characters in the id."}""");

        var (exit, output, error) = IndexerProcess.Run("index", "--input", _input.Path, "--index", _index.Path);

        Assert.Equal(ExitCodes.CompletedWithErrors, exit);
        var ids = ArticleIds(_index.Path);
        Assert.Equal(good + 1, ids.Count); // + l1 from the JSONL file with one bad line
        Assert.Contains("l1", ids);
        foreach (var bad in new[] { "empty.json", "binary.txt", "latin1.txt", "broken.json", "dup.json", "nobody.json", "huge.txt", "lines.jsonl:2", "slash.json" })
            Assert.Equal(1, CountOccurrences(output + error, $"{Path.DirectorySeparatorChar}{bad}"));
        Assert.Contains("failed 9", output);
    }

    [SkippableFact]
    public void Disk_full_fails_cleanly_and_keeps_the_previous_commit()
    {
        Skip.IfNot(Environment.UserName == "root" && OperatingSystem.IsLinux(), "needs root on Linux to mount a small tmpfs");
        var mount = Path.Combine(_index.Path, "small-fs");
        Directory.CreateDirectory(mount);
        var mounted = Run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount);
        Skip.IfNot(mounted == 0, "mount -t tmpfs is not permitted in this sandbox");
        try
        {
            var indexPath = Path.Combine(mount, "index");
            _input.File("first/a.jsonl", ArticleFiles.Jsonl("first", 100));
            IndexingPipeline.Run(Path.Combine(_input.Path, "first"), indexPath, new IndexingOptions());
            _input.File("second/b.jsonl", ArticleFiles.Jsonl("second", 20_000, sentencesPerArticle: 12));

            var error = Assert.Throws<IndexingFailedException>(() =>
                IndexingPipeline.Run(Path.Combine(_input.Path, "second"), indexPath, new IndexingOptions()));

            Assert.Contains("keeps its last commit", error.Message);
            Assert.IsAssignableFrom<IOException>(error.InnerException);
            Assert.Equal(100, IndexStats.Read(indexPath).Articles);
        }
        finally
        {
            Run("umount", "-l", mount);
        }
    }

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            if (i + value.Length == text.Length || !char.IsLetterOrDigit(text[i + value.Length])) count++;
        return count;
    }

    private static List<string> ArticleIds(string indexPath)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var hits = searcher.Search(new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), Math.Max(1, reader.MaxDoc));
        return hits.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SummitSchema.Id)).ToList();
    }
}
