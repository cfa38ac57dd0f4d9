namespace Summit.Search.Api;

/// <summary>The one CORS policy: allowed origins may GET/HEAD the read API and the widget files.</summary>
public static class Cors
{
    public const string ReadPolicy = "ReadApi";
}
