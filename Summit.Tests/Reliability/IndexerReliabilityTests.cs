using System.Diagnostics;
using System.Text;
using Summit.Indexer;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Reliability;

public sealed class IndexerReliabilityTests : InputAndIndexFolders
{
    [Fact]
    public void Killed_indexer_leaves_its_last_commit_and_a_rerun_completes_without_duplicates()
    {
        const int total = 6000;
        Input.File("many.jsonl", ArticleFiles.Jsonl("k", total, sentencesPerArticle: 30));

        using (var indexer = IndexerProcess.Start("index", "--input", Input.Path, "--index", Index.Path, "--commit-every", "500"))
        {
            // Kill as soon as a second commit point exists: mid-run, with uncommitted documents in memory.
            var deadline = Stopwatch.StartNew();
            while (!indexer.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60)
                   && !Directory.EnumerateFiles(Index.Path, "segments_*").Any(f => !f.EndsWith("segments_1")))
                Thread.Sleep(5);
            Assert.False(indexer.HasExited, "the indexer finished before it could be killed; give it more work");
            indexer.Kill(entireProcessTree: true);
            indexer.WaitForExit();
        }

        var afterKill = IndexContents.ArticleIds(Index.Path);
        Assert.InRange(afterKill.Count, 1, total - 1);
        Assert.Equal(afterKill.Count, afterKill.Distinct().Count());

        var (exit, output, error) = IndexerProcess.Run("index", "--input", Input.Path, "--index", Index.Path);

        Assert.True(exit == ExitCodes.Success, output + error);
        var afterRerun = IndexContents.ArticleIds(Index.Path);
        Assert.Equal(total, afterRerun.Count);
        Assert.Equal(Enumerable.Range(0, total).Select(n => $"k-{n}").Order(), afterRerun.Order());
        Assert.Contains($"index now holds {total:N0} articles", output);
    }

    [Fact]
    public void A_second_writer_gets_a_clear_message_naming_the_lock()
    {
        Input.File("a.json", """{"id":"a","body":"Text."}""");
        using var first = IndexBuilder.Open(Index.Path);

        var error = Assert.Throws<IndexUnavailableException>(() => IndexBuilder.Open(Index.Path));

        Assert.Contains("being written by another process", error.Message);
        Assert.Contains("write.lock", error.Message);
    }

    [Fact]
    public void Truncated_index_file_is_named_with_the_fix_and_check_reports_damage()
    {
        Input.File("a.jsonl", ArticleFiles.Jsonl("t", 200));
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());
        var biggest = new DirectoryInfo(Index.Path).GetFiles().Where(f => f.Name != "write.lock").MaxBy(f => f.Length)!;
        using (var stream = biggest.Open(FileMode.Open)) stream.SetLength(biggest.Length / 2);

        var error = Assert.Throws<IndexUnavailableException>(() => IndexStats.Read(Index.Path));
        var check = IndexCheckResult.Run(Index.Path);

        Assert.Contains(biggest.Name, error.Message);
        Assert.Contains("--rebuild", error.Message);
        Assert.False(check.Clean);
    }

    [Fact]
    public void An_index_written_in_an_older_layout_is_refused_with_the_rebuild_command_and_can_be_rebuilt()
    {
        // What an older Summit left: documents and no layout in the commit.
        using (var directory = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(Index.Path)))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory,
                   new Lucene.Net.Index.IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateIndexAnalyzer())))
        {
            var article = new Summit.Engine.Articles.Article("old", "Old", "Text.");
            writer.AddDocuments(ArticleDocuments.Create(article, Summit.Engine.Extraction.ArticleFacts.Empty));
            writer.Commit();
        }

        var writing = Assert.Throws<IndexUnavailableException>(() => IndexBuilder.Open(Index.Path));
        var searching = Assert.Throws<IndexUnavailableException>(() => new Summit.Engine.Search.SearchIndex(Index.Path));

        foreach (var error in new[] { writing, searching })
        {
            Assert.Contains("older version of Summit", error.Message);
            Assert.Contains("--rebuild", error.Message);
        }
        using (var rebuilt = IndexBuilder.Open(Index.Path, rebuild: true)) rebuilt.Commit();
        using (IndexBuilder.Open(Index.Path)) { }
    }

    [Fact]
    public void Stats_check_passes_a_healthy_index()
    {
        Input.File("a.jsonl", ArticleFiles.Jsonl("h", 50));
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());

        var (exit, output, _) = IndexerProcess.Run("stats", "--index", Index.Path, "--check", "--json");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("\"articles\":50", output);
        Assert.Contains("\"clean\":true", output);
    }

    [Fact]
    public void Ten_thousand_files_with_bad_ones_index_every_good_article_and_report_each_bad_one_once()
    {
        const int good = 9_990;
        for (var n = 0; n < good; n++)
            Input.File($"ok/{n / 1000}/a{n}.json", $$"""{"id":"g{{n}}","title":"T{{n}}","body":"Body of article {{n}}."}""");
        Input.File("bad/empty.json", "");
        Input.File("bad/binary.txt", [0x00, 0x01, 0x02, 0xFF]);
        Input.File("bad/latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9\nna\u00efve text"));
        Input.File("bad/broken.json", """{"id":"x","body":""");
        Input.File("bad/dup.json", """{"id":"g5","body":"Another article claiming id g5."}""");
        Input.File("bad/nobody.json", """{"id":"nb","title":"Only a title"}""");
        using (var big = File.Create(Path.Combine(Input.Path, "bad", "huge.txt"))) big.SetLength(50L * 1024 * 1024);
        Input.File("bad/lines.jsonl", "{\"id\":\"l1\",\"body\":\"Fine.\"}\nnot json at all\n");
        Input.File("bad/slash.json", """{"id":"a/b","body":"Path characters in the id."}""");

        var (exit, output, error) = IndexerProcess.Run("index", "--input", Input.Path, "--index", Index.Path);

        Assert.Equal(ExitCodes.CompletedWithErrors, exit);
        var ids = IndexContents.ArticleIds(Index.Path);
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
        var mount = Path.Combine(Index.Path, "small-fs");
        Directory.CreateDirectory(mount);
        var mounted = Run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount);
        Skip.IfNot(mounted == 0, "mount -t tmpfs is not permitted in this sandbox");
        try
        {
            var indexPath = Path.Combine(mount, "index");
            Input.File("first/a.jsonl", ArticleFiles.Jsonl("first", 100));
            IndexingPipeline.Run(Path.Combine(Input.Path, "first"), indexPath, new IndexingOptions());
            Input.File("second/b.jsonl", ArticleFiles.Jsonl("second", 20_000, sentencesPerArticle: 12));

            var error = Assert.Throws<IndexingFailedException>(() =>
                IndexingPipeline.Run(Path.Combine(Input.Path, "second"), indexPath, new IndexingOptions()));

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
}
