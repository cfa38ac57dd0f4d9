using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

public static class AdminApi
{
    public const string KeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("Admin").AddEndpointFilter(RequireKey)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        admin.MapPost("/articles", Ingest)
            .WithName("IngestArticles")
            .WithSummary("Index one article (JSON object) or a batch (JSON Lines); needs X-Api-Key. Searchable when this returns.")
            .Accepts<ArticleUpload>("application/json", "application/x-ndjson", "application/jsonl");
        admin.MapDelete("/articles/{id}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Remove an article and its quotes; needs X-Api-Key");
        return app;
    }

    public static async Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> Ingest(
        HttpRequest request, ArticleWriter writer, IOptions<SearchOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large",
                detail: $"The body is {request.ContentLength:N0} bytes; the limit is {limit:N0} (Search:MaxRequestBodyBytes). Send the articles in smaller JSON Lines batches.");
        var type = request.ContentType ?? "";
        var jsonLines = type.Contains("ndjson", StringComparison.OrdinalIgnoreCase) || type.Contains("jsonl", StringComparison.OrdinalIgnoreCase);
        try
        {
            return TypedResults.Ok(await writer.IngestAsync(request.Body, jsonLines, cancellationToken));
        }
        catch (IngestRejectedException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [.. ex.Problems] },
                detail: string.Join(" ", ex.Problems.Take(10)), title: "Nothing was indexed: the upload has articles that cannot be indexed");
        }
        catch (IndexUnavailableException ex)
        {
            return Unavailable(request.HttpContext.Response, ex);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ArticleWriter writer, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.DeleteAsync(id, cancellationToken)
                ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found",
                    detail: $"No article has the id '{(id.Length > 100 ? id[..100] + "…" : id)}'.");
        }
        catch (IndexUnavailableException ex)
        {
            return Unavailable(response, ex);
        }
    }

    /// <summary>How long a client should wait before retrying a write the index could not take (another writer, usually
    /// the indexer CLI, holds it).</summary>
    private const int RetryAfterSeconds = 5;

    private static ProblemHttpResult Unavailable(HttpResponse response, IndexUnavailableException ex)
    {
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The index cannot be written right now",
            detail: ex.Message + $" Try again in {RetryAfterSeconds} seconds.");
    }

    /// <summary>Admin endpoints exist only with a configured key, and every call must present it. Wrong keys are
    /// throttled per client address (<see cref="AdminKeyThrottle"/>): a locked-out address gets 429 before any compare.</summary>
    private static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var configured = http.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value.AdminApiKey;
        if (string.IsNullOrEmpty(configured))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Admin endpoints are disabled",
                detail: "Set Search:AdminApiKey to enable adding and deleting articles through the API.");
        var throttle = http.RequestServices.GetRequiredService<AdminKeyThrottle>();
        var address = AdminKeyThrottle.AddressOf(http);
        if (throttle.LockedOut(address) is { } wait)
        {
            var seconds = AdminKeyThrottle.RetryAfterSeconds(wait);
            http.Response.Headers.RetryAfter = seconds;
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong API keys",
                detail: $"This client sent too many wrong {KeyHeader} values; wait {seconds} s and try again.");
        }
        var presented = http.Request.Headers[KeyHeader].ToString();
        if (!KeysMatch(presented, configured))
        {
            throttle.Failed(address);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"Send the admin key in the {KeyHeader} header.");
        }
        return await next(context);
    }

    /// <summary>Constant-time comparison of fixed-length hashes, so neither content nor length leaks through timing.</summary>
    internal static bool KeysMatch(string presented, string configured) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}

/// <summary>The article JSON accepted by <c>POST /api/articles</c> (one per line for JSON Lines).</summary>
public sealed record ArticleUpload(string? Id, string? Title, string Body, string? Date, string? Source, string? Url, string? Author);
