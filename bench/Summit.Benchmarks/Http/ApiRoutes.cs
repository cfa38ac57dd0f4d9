using Summit.Benchmarks.Queries;

namespace Summit.Benchmarks.Http;

/// <summary>How a benchmark query is asked of the HTTP API. The one place to adapt when the routes change.</summary>
public static class ApiRoutes
{
    public const string ReadyPath = "/api/search?q=news";

    public static string PathFor(BenchQuery query)
    {
        var parameters = new List<string> { "q=" + Uri.EscapeDataString(query.Text) };
        if (query.Country is not null) parameters.Add("country=" + Uri.EscapeDataString(query.Country));
        if (query.Person is not null) parameters.Add("person=" + Uri.EscapeDataString(query.Person));
        if (query.SortByDate) parameters.Add("sort=date");
        return (query.Quotes ? "/api/quotes?" : "/api/search?") + string.Join('&', parameters);
    }
}
