using Summit.Engine.Search;
using Microsoft.Extensions.Options;

namespace Summit.Search.Api;

/// <summary>
/// Settings of the search API, bound to the configuration section <c>Search</c>. Every value is checked when the
/// API starts (<see cref="SearchOptionsValidator"/>): a setting that cannot be honoured (an unknown key, a number
/// that does not parse or is out of range, an origin that is not one) stops the start with a message naming it.
/// </summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Index folder. Relative paths are resolved by <see cref="SearchPaths.Resolve"/>.</summary>
    public string IndexPath { get; set; } = "index-data";

    /// <summary>Articles indexed on first start when no index exists at <see cref="IndexPath"/>.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Key required in <c>X-Api-Key</c> by the admin endpoints; when empty they are disabled.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Sustained API requests per second allowed per client address (token bucket); 0 turns limiting off.</summary>
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Requests a client may make in a burst above the sustained rate.</summary>
    public int RateLimitBurst { get; set; } = 1000;

    /// <summary>Origins (e.g. <c>https://news.example.org</c>) whose pages may embed the widget and call the read API
    /// from the browser; <c>*</c> alone allows any. Empty (the default): same-origin only. Configured as one value,
    /// a comma- or space-separated list, or an indexed list (<c>Search:AllowedOrigins:0</c>, …); see
    /// <see cref="ReadOrigins"/>.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public const long DefaultMaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>Largest request body accepted (an admin upload); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Search and quote responses kept for repeated requests until the index changes
    /// (<see cref="ResultCache"/>); 0 turns the cache off.</summary>
    public int ResultCacheEntries { get; set; } = 2000;

    public const long DefaultResultCacheBytes = ResultCache.DefaultMaxBytes;

    /// <summary>Estimated memory the cached responses may take together (<see cref="ResultCache"/>); the least recently
    /// used are evicted beyond it. 0 turns the cache off.</summary>
    public long ResultCacheBytes { get; set; } = DefaultResultCacheBytes;

    /// <summary>Searches read the index files through memory maps (the default: no system call per read), or by
    /// position when false. Mapped pages a search touched count in the API's RSS, which then grows towards the size
    /// of the index files the searches use; they are page cache either way, which the kernel takes back under
    /// memory pressure. Turn mapping off where a limit on the process's RSS must hold.</summary>
    public bool MapIndexFiles { get; set; } = true;

    /// <summary>How often the searcher looks for changes committed by another process.</summary>
    public int RefreshIntervalMs { get; set; } = 500;

    /// <summary>Heavy searches (many words, prefixes or nested groups) that may run at once; the rest wait for a slot.
    /// Default: half the cores, so ordinary searches always have the other half.</summary>
    public int HeavySearchConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How long a heavy search waits for a slot before it is answered 503 with Retry-After.</summary>
    public int HeavySearchWaitMs { get; set; } = 2000;

    /// <summary>Wrong admin keys a client address may send in a burst before it is answered 429.</summary>
    public int AdminKeyFailureBurst { get; set; } = 5;

    /// <summary>Seconds after which a client address may try one more admin key once its burst is spent.</summary>
    public int AdminKeyFailureSeconds { get; set; } = 2;

    /// <summary>
    /// The allowed origins as configured: one value (<c>Search__AllowedOrigins=https://a.example</c>), a list separated
    /// by commas or spaces in one value, an indexed list (<c>Search__AllowedOrigins__0=…</c>), or several of these
    /// together. Blank entries are dropped; the entries are checked by <see cref="SearchOptionsValidator"/>.
    /// </summary>
    public static string[] ReadOrigins(IConfigurationSection section)
    {
        IEnumerable<string?> values = [section.Value, .. section.GetChildren().Select(child => child.Value)];
        return values.SelectMany(v => (v ?? "").Split([',', ' ', '\t', ';', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Whether <paramref name="origin"/> is <c>scheme://host[:port]</c> (http or https, no path, query, fragment
    /// or user), with a single trailing slash tolerated; <paramref name="normalized"/> is the form a browser sends.</summary>
    public static bool TryNormalizeOrigin(string origin, out string normalized)
    {
        normalized = "";
        var text = origin.EndsWith('/') ? origin[..^1] : origin;
        var authority = text.IndexOf("://", StringComparison.Ordinal);
        if (authority < 0 || text.IndexOfAny(['/', '?', '#', '@', '*', '\\'], authority + 3) >= 0) return false;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
            return false;
        normalized = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        return true;
    }
}

public static class SearchOptionsRegistration
{
    /// <summary>
    /// Binds <see cref="SearchOptions"/> from the <c>Search</c> section and checks it when the host starts: an unknown
    /// key under <c>Search</c> or a value that does not convert stops the start naming the key (the binder's
    /// message), as does any value <see cref="SearchOptionsValidator"/> rejects.
    /// </summary>
    public static OptionsBuilder<SearchOptions> AddSearchOptions(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        return services.AddOptions<SearchOptions>()
            .Configure<IConfiguration>(Bind)
            .ValidateOnStart();
    }

    /// <summary>
    /// The binder takes every key but <c>AllowedOrigins</c>, which it would reject as one value (it binds arrays
    /// from indexed keys only) and which <see cref="SearchOptions.ReadOrigins"/> reads in all its forms.
    /// </summary>
    private static void Bind(SearchOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(SearchOptions.SectionName);
        var known = typeof(SearchOptions).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = section.GetChildren().Where(child => !known.Contains(child.Key)).Select(child => child.Path).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"{string.Join(", ", unknown)}: not a setting of this API (a misspelling?); "
                + $"the {SearchOptions.SectionName} settings are {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        var origins = $"{SearchOptions.SectionName}:{nameof(SearchOptions.AllowedOrigins)}";
        var others = new ConfigurationBuilder().AddInMemoryCollection(section.AsEnumerable()
                .Where(setting => !setting.Key.Equals(origins, StringComparison.OrdinalIgnoreCase)
                                  && !setting.Key.StartsWith(origins + ":", StringComparison.OrdinalIgnoreCase)))
            .Build();
        // Full keys, so the binder's messages name Search:TheSetting.
        others.GetSection(SearchOptions.SectionName).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        options.AllowedOrigins = SearchOptions.ReadOrigins(configuration.GetSection(origins));
    }
}

/// <summary>
/// Checks every setting when the API starts; each message names the configuration key (<c>Search:…</c>) and says
/// what it accepts, so a setting that cannot be honoured stops the start instead of being silently ignored.
/// </summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var errors = new List<string>();
        void Range(string key, long value, long min, long max)
        {
            if (value < min || value > max)
                errors.Add($"{SearchOptions.SectionName}:{key} must be between {min:N0} and {max:N0}; it is {value:N0}.");
        }
        void Required(string key, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add($"{SearchOptions.SectionName}:{key} must not be empty.");
        }

        Required(nameof(options.IndexPath), options.IndexPath);
        Required(nameof(options.SeedsPath), options.SeedsPath);
        Range(nameof(options.RateLimitPerSecond), options.RateLimitPerSecond, 0, 1_000_000);
        Range(nameof(options.RateLimitBurst), options.RateLimitBurst, 1, 1_000_000);
        Range(nameof(options.MaxRequestBodyBytes), options.MaxRequestBodyBytes, 1024, 1L << 32);
        Range(nameof(options.ResultCacheEntries), options.ResultCacheEntries, 0, 1_000_000);
        Range(nameof(options.ResultCacheBytes), options.ResultCacheBytes, 0, 1L << 40);
        Range(nameof(options.RefreshIntervalMs), options.RefreshIntervalMs, 50, 60_000);
        Range(nameof(options.HeavySearchConcurrency), options.HeavySearchConcurrency, 1, 1_024);
        Range(nameof(options.HeavySearchWaitMs), options.HeavySearchWaitMs, 0, 60_000);
        Range(nameof(options.AdminKeyFailureBurst), options.AdminKeyFailureBurst, 1, 1_000);
        Range(nameof(options.AdminKeyFailureSeconds), options.AdminKeyFailureSeconds, 1, 3_600);

        var key = $"{SearchOptions.SectionName}:{nameof(options.AllowedOrigins)}";
        foreach (var origin in options.AllowedOrigins)
            if (origin != "*" && !SearchOptions.TryNormalizeOrigin(origin, out _))
                errors.Add($"{key}: '{origin}' is not an origin; write scheme://host or scheme://host:port (http or https, no path), "
                    + "separate several with commas, or write * alone to allow any site.");
        if (options.AllowedOrigins.Contains("*") && options.AllowedOrigins.Length > 1)
            errors.Add($"{key}: * allows every site and must stand alone; it is listed with {options.AllowedOrigins.Length - 1} other origin(s).");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
