using System.Diagnostics;
using Summit.Indexer;
using Summit.Engine.Articles;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Articles;

/// <summary>The folder walk: links followed once per real folder and file, cycles and unreadable entries reported,
/// streaming, in the order of the sorted paths. Every test works on real files and links in a temp folder.</summary>
public sealed class ArticleWalkerTests : IDisposable
{
    private readonly TempDirectory _dir = new("summit-walk");

    public void Dispose() => _dir.Dispose();

    private string P(string relative) => Path.Combine(_dir.Path, relative.Replace('/', Path.DirectorySeparatorChar));

    private void FolderLink(string relative, string target) => Directory.CreateSymbolicLink(P(relative), target);

    private static List<ReadResult> ReadWithin(string path, TimeSpan limit)
    {
        // The old walk never ended on a cycle; a bounded wait turns that into a failure instead of a hung run.
        var read = Task.Run(() => ArticleReader.Read(path).ToList());
        Assert.True(read.Wait(limit), $"reading {path} did not finish within {limit.TotalSeconds} s");
        return read.Result;
    }

    [Fact]
    public void Two_links_to_the_folder_itself_and_a_link_to_its_parent_are_reported_as_cycles_and_each_article_is_read_once()
    {
        _dir.File("l/a.txt", "T\n\nBody.\n");
        _dir.File("l/sub/b.txt", "U\n\nOther body.\n");
        FolderLink("l/x", ".");
        FolderLink("l/y", ".");
        FolderLink("l/sub/up", "..");

        var results = ReadWithin(P("l"), TimeSpan.FromSeconds(30));

        Assert.Equal([P("l/a.txt"), P("l/sub/b.txt")], results.OfType<ArticleRead>().Select(r => r.File));
        var failures = results.OfType<ReadFailure>().ToList();
        Assert.Equal([P("l/sub/up"), P("l/x"), P("l/y")], failures.Select(f => f.File));
        Assert.All(failures, f => Assert.Contains($"a link back to the folder '{P("l")}' that it is in (a cycle)", f.Reason));
        // The progress total walks the same way: it ends too, and counts what the read gives.
        Assert.Equal(results.Count, IndexingPipeline.CountArticles(P("l")));
    }

    [Fact]
    public void A_second_link_to_a_folder_or_a_file_is_reported_and_what_it_leads_to_is_read_once()
    {
        _dir.File("in/2023/a.txt", "Harbour reopens\nThe harbour reopened.");
        _dir.File("in/b.json", """{"id":"b","body":"Text of b."}""");
        _dir.File("in/zz/z.json", """{"id":"z","body":"Text of z."}""");
        _dir.File("elsewhere/e.txt", "Outside\nA folder outside the input, reached by a link.");
        _dir.File("elsewhere/f.txt", "Outside\nA file outside the input, reached by two links.");
        FolderLink("in/alias", "2023");
        File.CreateSymbolicLink(P("in/c.json"), "b.json");
        File.CreateSymbolicLink(P("in/a-z.json"), "zz/z.json"); // reached before its folder is
        FolderLink("in/ext", P("elsewhere"));
        FolderLink("in/ext2", P("elsewhere"));
        File.CreateSymbolicLink(P("in/f1.txt"), P("elsewhere/f.txt"));
        File.CreateSymbolicLink(P("in/f2.txt"), P("elsewhere/f.txt"));

        var results = ReadWithin(P("in"), TimeSpan.FromSeconds(30));

        Assert.Equal([P("in/2023/a.txt"), P("in/a-z.json"), P("in/b.json"), P("in/ext/e.txt"), P("in/ext/f.txt")],
            results.OfType<ArticleRead>().Select(r => r.File));
        Assert.Equal(
            [
                (P("in/alias"), $"the same folder as '{P("in/2023")}', read already; not read again"),
                (P("in/c.json"), $"the same file as '{P("in/b.json")}', which is read once; not read again"),
                (P("in/ext2"), $"the same folder as '{P("in/ext")}', read already; not read again"),
                (P("in/f1.txt"), $"the same file as '{P("in/ext/f.txt")}', which is read once; not read again"),
                (P("in/f2.txt"), $"the same file as '{P("in/ext/f.txt")}', which is read once; not read again"),
                (P("in/zz/z.json"), $"the same file as '{P("in/a-z.json")}', which is read once; not read again"),
            ],
            results.OfType<ReadFailure>().Select(f => (f.File, f.Reason)));
        Assert.Equal(results.Count, IndexingPipeline.CountArticles(P("in")));
    }

    [Fact]
    public void Files_come_in_the_ordinal_order_of_their_paths_and_hidden_or_foreign_files_are_left_out()
    {
        foreach (var name in new[] { "b.json", "a/b.txt", "a.txt", "a-b.txt", "a/.hidden.txt", "a/notes.md", "A.jsonl" })
            _dir.File(name, name.EndsWith(".jsonl") ? "{\"body\":\"x\"}" : "Title\nBody.");

        var files = ArticleWalker.Walk(_dir.Path).Select(e => e.Path).ToList();

        // "a-b.txt" < "a.txt" < "a/b.txt" by character code ('-' < '.' < '/'), as a sorted list of paths has them.
        Assert.Equal([P("A.jsonl"), P("a-b.txt"), P("a.txt"), P("a/b.txt"), P("b.json")], files);
    }

    [Fact]
    public void The_walk_streams_a_later_folder_is_listed_only_when_it_is_reached()
    {
        _dir.File("a/1.txt", "One\nBody.");
        _dir.File("b/2.txt", "Two\nBody.");
        _dir.File("c/3.txt", "Three\nBody.");
        var listed = new List<string>();
        var walker = new ArticleWalker(folder =>
        {
            listed.Add(folder);
            return ArticleWalker.ListFolder(folder);
        });

        using var walk = walker.Find(_dir.Path).GetEnumerator();
        Assert.True(walk.MoveNext());

        Assert.Equal(P("a/1.txt"), walk.Current.Path);
        Assert.Equal([_dir.Path, P("a")], listed);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_reported_with_its_reason_and_the_rest_is_read()
    {
        // Tests run as root, which a permission does not stop: the listing failure comes through the seam.
        _dir.File("a.txt", "First\nBody of a.");
        _dir.File("locked/b.txt", "Second\nBody of b.");
        _dir.File("z.txt", "Third\nBody of z.");
        var walker = new ArticleWalker(folder => folder == P("locked")
            ? throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied.")
            : ArticleWalker.ListFolder(folder));

        var results = ArticleReader.Read(walker.Find(_dir.Path), new ReaderOptions()).ToList();

        Assert.Equal([P("a.txt"), P("z.txt")], results.OfType<ArticleRead>().Select(r => r.File));
        var failure = Assert.Single(results.OfType<ReadFailure>());
        Assert.Equal(P("locked"), failure.File);
        Assert.Equal($"the folder cannot be read: Access to the path '{P("locked")}' is denied; its articles were skipped", failure.Reason);
    }

    [Fact]
    public void A_folder_that_vanishes_before_it_is_reached_is_reported_and_the_rest_is_read()
    {
        _dir.File("a.txt", "First\nBody of a.");
        _dir.File("gone/b.txt", "Second\nBody of b.");
        _dir.File("z.txt", "Third\nBody of z.");
        // A real race, made certain: the folder is deleted just after its parent was listed.
        var walker = new ArticleWalker(folder =>
        {
            var entries = ArticleWalker.ListFolder(folder).ToList();
            if (folder == _dir.Path) Directory.Delete(P("gone"), recursive: true);
            return entries;
        });

        var results = ArticleReader.Read(walker.Find(_dir.Path), new ReaderOptions()).ToList();

        Assert.Equal([P("a.txt"), P("z.txt")], results.OfType<ArticleRead>().Select(r => r.File));
        var failure = Assert.Single(results.OfType<ReadFailure>());
        Assert.Equal(P("gone"), failure.File);
        Assert.StartsWith("the folder cannot be read: ", failure.Reason);
        Assert.Contains(P("gone"), failure.Reason);
    }

    [Fact]
    public void Cli_reports_a_broken_folder_link_and_indexes_the_rest_with_exit_code_2()
    {
        using var index = new TempDirectory("summit-index");
        _dir.File("in/a.txt", "Harbour reopens\nThe harbour reopened on Monday.");
        _dir.File("in/sub/b.json", """{"id":"b","body":"Text of b."}""");
        FolderLink("in/archive", P("no-such-folder"));

        var (exit, output, error) = IndexerProcess.Run("index", "--input", P("in"), "--index", index.Path);

        Assert.Equal(ExitCodes.CompletedWithErrors, exit);
        Assert.Contains($"failed: {P("in/archive")}: a link to '{P("no-such-folder")}', which does not exist or cannot be reached; skipped", output + error);
        Assert.Contains("indexed 2, failed 1", output);
        Assert.Equal(["a", "b"], IndexContents.ArticleIds(index.Path).Order());
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Cli_reports_a_folder_without_read_permission_and_indexes_the_rest_with_exit_code_2()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        using var index = new TempDirectory("summit-index");
        _dir.File("in/a.txt", "Harbour reopens\nThe harbour reopened on Monday.");
        _dir.File("in/locked/b.txt", "Locked\nNot readable.");
        File.SetUnixFileMode(P("in/locked"), UnixFileMode.None);
        try
        {
            var blocked = false;
            try { Directory.EnumerateFileSystemEntries(P("in/locked")).ToList(); }
            catch (UnauthorizedAccessException) { blocked = true; }
            Skip.IfNot(blocked, "running as root: a permission does not stop the listing (the seam test covers this)");

            var (exit, output, error) = IndexerProcess.Run("index", "--input", P("in"), "--index", index.Path);

            Assert.Equal(ExitCodes.CompletedWithErrors, exit);
            Assert.Contains($"failed: {P("in/locked")}: the folder cannot be read: ", output + error);
            Assert.Equal(["a"], IndexContents.ArticleIds(index.Path));
        }
        finally
        {
            File.SetUnixFileMode(P("in/locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [SkippableFact]
    public void A_fifo_named_like_an_article_is_reported_instead_of_waited_on()
    {
        Skip.If(OperatingSystem.IsWindows(), "no FIFOs");
        _dir.File("a.txt", "First\nBody of a.");
        var made = Process.Start("mkfifo", [P("pipe.jsonl")]);
        made.WaitForExit();
        Skip.IfNot(made.ExitCode == 0, "mkfifo is not available");

        var results = ReadWithin(_dir.Path, TimeSpan.FromSeconds(30));

        Assert.Equal([P("a.txt")], results.OfType<ArticleRead>().Select(r => r.File));
        Assert.Equal(P("pipe.jsonl"), Assert.Single(results.OfType<ReadFailure>()).File);
        var count = Task.Run(() => IndexingPipeline.CountArticles(_dir.Path));
        Assert.True(count.Wait(TimeSpan.FromSeconds(30)), "counting waited on the FIFO");
        Assert.Equal(2, count.Result);
    }

    [SkippableFact]
    public void The_managed_real_path_agrees_with_libc_realpath_through_chained_and_relative_links()
    {
        Skip.If(OperatingSystem.IsWindows(), "libc realpath");
        _dir.File("real/deep/a.txt", "x");
        FolderLink("link1", "real");
        File.CreateSymbolicLink(P("link2"), "link1/deep/a.txt");
        FolderLink("real/deep/back", "../..");
        File.CreateSymbolicLink(P("dangling"), "nowhere/at/all");

        Assert.NotNull(ArticleWalker.LibcRealPath); // else both sides below would be the managed code
        string[] paths = [P("link2"), P("link1/deep/a.txt"), P("real/deep/back/link2"), P("real/../link1/deep/../deep/a.txt"), P("real/deep/a.txt")];
        var native = paths.Select(ArticleWalker.RealPath).ToList();
        var managed = paths.Select(ArticleWalker.ManagedRealPath).ToList();

        Assert.Equal(native, managed);
        Assert.Single(native.Distinct());
        Assert.EndsWith(Path.Combine("real", "deep", "a.txt"), native[0]);
        Assert.DoesNotContain("link", native[0]);
        Assert.Null(ArticleWalker.RealPath(P("dangling")));
        Assert.Null(ArticleWalker.ManagedRealPath(P("dangling")));
    }
}
