using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Summit.Search.Api;
using Summit.Search.Api.Endpoints;
using Summit.Engine.Index;
using Summit.Engine.Search;

var builder = WebApplication.CreateBuilder(args);

// Every setting is checked at start; one that cannot be honoured stops it with a message naming the key.
builder.Services.AddSearchOptions();
// Kestrel enforces the body limit while reading (chunked uploads too); the admin endpoint also rejects a declared
// Content-Length over it up front.
builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<SearchOptions>>((kestrel, search) =>
    kestrel.Limits.MaxRequestBodySize = search.Value.MaxRequestBodyBytes);
builder.Services.AddSearchIndex();
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<SearchOptions>>().Value;
    return new ResultCache(options.ResultCacheEntries, options.ResultCacheBytes);
});
builder.Services.AddSingleton<ArticleSearcher>();
builder.Services.AddSingleton<ArticleWriter>();
builder.Services.AddSingleton<AdminKeyThrottle>();
builder.Services.AddSingleton<SearchAdmission>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
// Sites on the allow-list may call the read API (the named policy is on the read endpoints); any site may load the
// widget's files (a module script, fetched with CORS). There is no default policy, so the admin writes
// (POST/DELETE /api/articles) have none: their preflight is refused and a cross-origin page cannot call them.
builder.Services.AddCors();
builder.Services.AddOptions<CorsOptions>().Configure<IOptions<SearchOptions>>((cors, search) => cors.AddPolicy(Cors.ReadPolicy, policy =>
{
    var origins = search.Value.AllowedOrigins;
    if (origins.Contains("*")) policy.AllowAnyOrigin();
    else policy.WithOrigins(origins.Select(o => SearchOptions.TryNormalizeOrigin(o, out var normalized) ? normalized : o).ToArray());
    policy.WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders("Retry-After");
}));
// The widget's static files are public code: any origin may load them (the origin is echoed, never credentials).
builder.Services.AddOptions<CorsOptions>().Configure(cors => cors.AddPolicy(Cors.WidgetPolicy, policy =>
    policy.SetIsOriginAllowed(_ => true).WithMethods("GET", "HEAD").WithExposedHeaders("Retry-After")));
// The read endpoints' group carries the policy (ReadEndpoints.MapReadGroup); admin writes are authenticated by key
// (and wrong keys throttled) instead.
builder.Services.AddRateLimiter(limiter =>
{
    limiter.AddPolicy(ReadEndpoints.RateLimitPolicy, context =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value;
        if (options.RateLimitPerSecond == 0) return RateLimitPartition.GetNoLimiter("unlimited");
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

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
// Endpoints carry their policy (RequireCors on the read groups); the widget files are static, so they get it here.
app.UseCors();
app.UseWhen(context => SecurityHeaders.IsWidgetFile(context.Request.Path), widget => widget.UseCors(Cors.WidgetPolicy));
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapOpenApi();
app.MapHealthApi();
app.MapArticlesApi();
app.MapSearchApi();
app.MapQuotesApi();
app.MapEntitiesApi();
app.MapAdminApi();

app.Run();

public partial class Program;
