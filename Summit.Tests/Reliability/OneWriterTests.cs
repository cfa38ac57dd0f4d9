using System.Diagnostics;
using System.Net;
using System.Text;
using Summit.Indexer;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Reliability;

/// <summary>
/// One writer per index folder, whatever the processes: a second CLI run, or the API's live updates while the CLI
/// indexes, is refused before it touches a file, and nothing acknowledged is lost.
/// </summary>
public sealed class OneWriterTests : InputAndIndexFolders
{
    private const int Articles = 6000;

    [Fact]
    public async Task A_second_indexer_process_is_refused_and_the_first_completes()
    {
        Input.File("many.jsonl", ArticleFiles.Jsonl("w", Articles, sentencesPerArticle: 30));
        using var second = new TempDirectory("summit-input");
        second.File("other.json", """{"id":"intruder","body":"An article from the second writer."}""");

        using var first = IndexerProcess.Start("index", "--input", Input.Path, "--index", Index.Path, "--commit-every", "500");
        var firstOutput = first.StandardOutput.ReadToEndAsync();
        var firstError = first.StandardError.ReadToEndAsync();
        var (exit, output, error) = (0, "", "");
        using (HoldWhileWriting(first)) (exit, output, error) = IndexerProcess.Run("index", "--input", second.Path, "--index", Index.Path);

        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(2)), "the first indexer did not finish");
        var (firstOut, firstErr) = (await firstOutput, await firstError);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("being written by another process", output + error);
        Assert.Contains("write.lock", output + error);
        Assert.True(first.ExitCode == ExitCodes.Success, firstOut + firstErr);

        var ids = IndexContents.ArticleIds(Index.Path);
        Assert.Equal(Articles, ids.Count);
        Assert.DoesNotContain("intruder", ids);
        AssertClean(Index.Path);
    }

    [Fact]
    public void A_refused_rebuild_leaves_every_file_of_the_index_as_it_was()
    {
        Input.File("a.jsonl", ArticleFiles.Jsonl("r", 50));
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());
        using var holder = IndexBuilder.Open(Index.Path);
        var before = Snapshot(Index.Path);

        // --rebuild would empty the index: refused, it must not have begun to.
        var (exit, output, error) = IndexerProcess.Run("index", "--input", Input.Path, "--index", Index.Path, "--rebuild");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("being written by another process", output + error);
        Assert.Equal(before, Snapshot(Index.Path));
        holder.Rollback();
        Assert.Equal(50, IndexContents.ArticleIds(Index.Path).Count);
    }

    [Fact]
    public async Task The_api_answers_503_with_retry_after_while_the_cli_writes_and_loses_nothing()
    {
        // The API starts on an index of its own (no seeds), then the CLI indexes into the same folder.
        using (var builder = IndexBuilder.Open(Index.Path)) builder.Commit();
        await using var api = await ApiServer.StartAsync(Index.Path, "/health", "--Search:AdminApiKey", "k", "--Search:RateLimitPerSecond", "0");
        Input.File("many.jsonl", ArticleFiles.Jsonl("c", Articles, sentencesPerArticle: 30));

        using var cli = IndexerProcess.Start("index", "--input", Input.Path, "--index", Index.Path, "--commit-every", "500");
        var cliOutput = cli.StandardOutput.ReadToEndAsync();
        var cliError = cli.StandardError.ReadToEndAsync();
        HttpResponseMessage refused;
        using (HoldWhileWriting(cli)) refused = await PostAsync(api, "during");
        var refusedBody = await refused.Content.ReadAsStringAsync();
        Assert.True(cli.WaitForExit(TimeSpan.FromMinutes(2)), "the indexer did not finish");
        var accepted = await PostAsync(api, "after");

        Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode}: {refusedBody}\n{api.Log}");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
        Assert.Contains("being written by another process", refusedBody);
        Assert.True(cli.ExitCode == ExitCodes.Success, await cliOutput + await cliError);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await api.KillAsync();

        var ids = IndexContents.ArticleIds(Index.Path);
        Assert.Equal(Articles + 1, ids.Count);
        Assert.Contains("after", ids);
        Assert.DoesNotContain("during", ids);
        AssertClean(Index.Path);
    }

    private static Task<HttpResponseMessage> PostAsync(ApiServer api, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent($$"""{"id":"{{id}}","title":"Live","body":"A live update sent {{id}} the indexer run."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "k");
        return api.Client.SendAsync(request);
    }

    /// <summary>
    /// Waits until <paramref name="writer"/> holds the index's write lock, as another process sees it, and stops it
    /// there until the pause is disposed: the other writer's attempt then meets the lock however fast this machine is.
    /// </summary>
    private ProcessPause HoldWhileWriting(Process writer)
    {
        using var folder = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(Index.Path), new WriterLockFactory(new DirectoryInfo(Index.Path)));
        using var writeLock = folder.MakeLock(Lucene.Net.Index.IndexWriter.WRITE_LOCK_NAME);
        var deadline = Stopwatch.StartNew();
        while (!writeLock.IsLocked())
        {
            Assert.False(writer.HasExited, "the indexer finished before the test could race it; give it more work");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the indexer never took the write lock");
            Thread.Sleep(5);
        }
        var pause = ProcessPause.Stop(writer);
        if (writer.HasExited || !writeLock.IsLocked())
        {
            pause.Dispose();
            Assert.Fail("the indexer let go of the write lock before it could be held there");
        }
        return pause;
    }

    /// <summary>Every file with its size and last write, as text so a difference prints readably.</summary>
    private static string Snapshot(string folder) => string.Join('\n', new DirectoryInfo(folder).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
        .Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc:O}"));

    private static void AssertClean(string indexPath)
    {
        var (exit, output, error) = IndexerProcess.Run("stats", "--index", indexPath, "--check", "--json");
        Assert.True(exit == ExitCodes.Success, output + error);
        Assert.Contains("\"clean\":true", output);
    }
}
