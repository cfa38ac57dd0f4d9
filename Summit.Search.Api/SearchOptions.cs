using System.ComponentModel.DataAnnotations;

namespace Summit.Search.Api;

/// <summary>Settings of the search API, bound to the configuration section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Index folder. Relative paths are resolved by <see cref="SearchPaths.Resolve"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string IndexPath { get; set; } = "index-data";

    /// <summary>Articles indexed on first start when no index exists at <see cref="IndexPath"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Key required in <c>X-Api-Key</c> by the admin endpoints; when empty they are disabled.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Sustained API requests per second allowed per client address (token bucket); 0 turns limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Requests a client may make in a burst above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 1000;

    /// <summary>Origins (e.g. <c>https://news.example.org</c>) whose pages may embed the widget and call the read API
    /// from the browser; <c>*</c> allows any. Empty (the default): same-origin only.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public const long DefaultMaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>Largest request body accepted (an admin upload); larger ones get 413.</summary>
    [Range(1024, 1L << 32)]
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Search, quote and suggestion responses kept for repeated requests until the index changes
    /// (<see cref="ResultCache"/>); 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int ResultCacheEntries { get; set; } = 2000;

    /// <summary>How often the searcher looks for changes committed by another process.</summary>
    [Range(50, 60_000)]
    public int RefreshIntervalMs { get; set; } = 500;
}
