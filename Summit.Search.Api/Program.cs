using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Summit.Search.Api;
using Summit.Search.Api.Endpoints;
using Summit.Engine.Index;
using Summit.Engine.Search;

var builder = WebApplication.CreateBuilder(args);
// Kestrel enforces the body limit while reading (chunked uploads too); the admin endpoint also rejects a declared
// Content-Length over it up front.
builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel.Limits.MaxRequestBodySize =
    context.Configuration.GetValue($"{SearchOptions.SectionName}:{nameof(SearchOptions.MaxRequestBodyBytes)}", SearchOptions.DefaultMaxRequestBodyBytes));

builder.Services.AddOptions<SearchOptions>()
    .BindConfiguration(SearchOptions.SectionName)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSearchIndex();
builder.Services.AddSingleton(services => new ResultCache(services.GetRequiredService<IOptions<SearchOptions>>().Value.ResultCacheEntries));
builder.Services.AddSingleton<ArticleSearcher>();
builder.Services.AddSingleton<ArticleWriter>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
// Any site may embed the widget and call the read-only API; admin writes are not cross-origin.
// Sites on the allow-list may load the widget (a module script, fetched with CORS) and call the read API;
// admin writes (POST/DELETE) are never allowed cross-origin.
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
{
    var origins = builder.Configuration.GetSection($"{SearchOptions.SectionName}:{nameof(SearchOptions.AllowedOrigins)}").Get<string[]>() ?? [];
    if (origins.Contains("*")) policy.AllowAnyOrigin();
    else policy.WithOrigins(origins.Select(o => o.TrimEnd('/')).ToArray());
    policy.WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders("Retry-After");
}));
builder.Services.AddRateLimiter(limiter =>
{
    limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value;
        // Only the public read API is limited; admin writes are authenticated by key instead.
        if (options.RateLimitPerSecond == 0 || !context.Request.Path.StartsWithSegments("/api")
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return RateLimitPartition.GetNoLimiter("unlimited");
        return RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RateLimitBurst,
            TokensPerPeriod = options.RateLimitPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
    });
    limiter.OnRejected = RateLimits.RejectAsync;
});

var app = builder.Build();
app.EnsureIndex();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapOpenApi();
app.MapArticlesApi();
app.MapSearchApi();
app.MapQuotesApi();
app.MapAdminApi();

app.Run();

public partial class Program;
