using Microsoft.Extensions.Options;
using Summit.Engine.Search;

namespace Summit.Search.Api;

/// <summary>Refreshes the searcher in the background so requests never pay for it.</summary>
public sealed class IndexRefreshService(SearchIndex index, IOptions<SearchOptions> options, ILogger<IndexRefreshService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RefreshIntervalMs));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    index.MaybeRefresh();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // A writer in another process may be mid-commit; the next tick tries again.
                    logger.LogWarning(ex, "Refreshing the searcher failed; retrying");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
