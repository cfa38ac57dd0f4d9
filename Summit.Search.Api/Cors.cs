namespace Summit.Search.Api;

/// <summary>
/// The two CORS policies. <see cref="ReadPolicy"/>: the origins of <c>Search:AllowedOrigins</c> may GET/HEAD the read
/// API. <see cref="WidgetPolicy"/>: any page may load the widget's files (<c>/summit-search.js</c> and what it
/// imports), so an embed on a site not yet allowed still runs and can tell its owner which setting to add; the data
/// stays behind <see cref="ReadPolicy"/>.
/// </summary>
public static class Cors
{
    public const string ReadPolicy = "ReadApi";
    public const string WidgetPolicy = "WidgetFiles";
}
