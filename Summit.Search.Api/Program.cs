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
builder.Services.AddHostedService<IndexRefreshService>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
// Any site may embed the widget and call the read-only API; admin writes are not cross-origin.
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
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

app.Run();

public partial class Program;
