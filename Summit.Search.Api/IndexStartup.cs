using Microsoft.Extensions.Options;
using Summit.Engine.Search;

namespace Summit.Search.Api;

/// <summary>Where the API's index and seeds are (relative settings resolved once), and the start-up step that seeds an
/// index folder holding no index.</summary>
public sealed record IndexLocation(string IndexPath, string SeedsPath)
{
    public static IndexLocation From(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SearchOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return new IndexLocation(SearchPaths.Resolve(options.IndexPath, root), SearchPaths.Resolve(options.SeedsPath, root));
    }
}

public static class IndexStartup
{
    /// <summary>Registers the index location, the one <see cref="SearchIndex"/> over it and its refresh loop.</summary>
    public static IServiceCollection AddSearchIndex(this IServiceCollection services) => services
        .AddSingleton(IndexLocation.From)
        .AddSingleton(provider => new SearchIndex(provider.GetRequiredService<IndexLocation>().IndexPath,
            provider.GetRequiredService<IOptions<SearchOptions>>().Value.MapIndexFiles))
        .AddHostedService<IndexRefreshService>();

    /// <summary>First start: indexes the seeds when the index folder holds no index, before the API listens.</summary>
    public static void EnsureIndex(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<IndexLocation>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IndexStartup));
        var summary = SeedIndexing.EnsureIndex(location.IndexPath, location.SeedsPath);
        if (summary is not null)
            logger.LogInformation("No index was at {IndexPath}; indexed the seeds from {SeedsPath}: {Summary}", location.IndexPath, location.SeedsPath, summary);
    }
}
