using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Summit.Search.Api;
using Summit.Search.Api.Endpoints;
using Summit.Search.Api.Search;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<SearchOptions>()
    .BindConfiguration(SearchOptions.SectionName)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<SearchIndex>();
builder.Services.AddSingleton<ArticleSearcher>();
builder.Services.AddSingleton<ArticleWriter>();
builder.Services.AddHostedService<IndexRefreshService>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
// Any site may embed the widget and call the read-only API; admin writes are not cross-origin.
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));
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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = context =>
    {
        if (context.File.Name == "summit-search.js")
            context.Context.Response.Headers.AccessControlAllowOrigin = "*";
    },
});

app.MapOpenApi();
app.MapArticlesApi();
app.MapSearchApi();
app.MapQuotesApi();
app.MapAdminApi();

app.Run();

public partial class Program;
