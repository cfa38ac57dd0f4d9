using System.Net;
using System.Net.Http.Json;
using System.Text;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Reliability;

/// <summary>The real API process, killed with SIGKILL right after it acknowledged changes.</summary>
public sealed class ApiDurabilityTests : InputAndIndexFolders
{
    private const string Key = "durability-test-key";

    private static HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    [Fact]
    public async Task Acknowledged_ingest_and_delete_survive_a_kill_and_the_restarted_api_can_write_again()
    {
        Input.File("start.jsonl", ArticleFiles.Jsonl("start", 3));
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());

        await using (var api = await ApiServer.StartAsync(Index.Path, "/health", $"--Search:AdminApiKey={Key}"))
        {
            var post = await api.Client.SendAsync(Admin(HttpMethod.Post, "/api/articles",
                JsonContent.Create(new { id = "acked", title = "Acknowledged", body = "Harbour officials approved the plan." })));
            var delete = await api.Client.SendAsync(Admin(HttpMethod.Delete, "/api/articles/start-1"));
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            await api.KillAsync();
        }

        Assert.Equal(["acked", "start-0", "start-2"], IndexContents.ArticleIds(Index.Path).Order());

        await using var restarted = await ApiServer.StartAsync(Index.Path, "/health", $"--Search:AdminApiKey={Key}");
        var again = await restarted.Client.SendAsync(Admin(HttpMethod.Post, "/api/articles",
            JsonContent.Create(new { id = "after-restart", body = "Written after the crash." })));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await restarted.Client.GetAsync("/api/articles/acked")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await restarted.Client.GetAsync("/api/articles/start-1")).StatusCode);
    }

    [Fact]
    public async Task A_chunked_upload_over_the_body_limit_gets_413_from_the_real_server()
    {
        Input.File("start.jsonl", ArticleFiles.Jsonl("s", 1));
        IndexingPipeline.Run(Input.Path, Index.Path, new IndexingOptions());
        await using var api = await ApiServer.StartAsync(Index.Path, "/health", $"--Search:AdminApiKey={Key}", "--Search:MaxRequestBodyBytes=4096");
        var body = Encoding.UTF8.GetBytes($$"""{"id":"big","body":"{{new string('x', 20_000)}}"}""");
        // No Content-Length: the server only finds out while reading.
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        var request = Admin(HttpMethod.Post, "/api/articles", content);
        request.Headers.TransferEncodingChunked = true;

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/articles/big")).StatusCode);
    }
}
