namespace Summit.Engine.Search;

/// <summary>
/// Resolves relative configured paths. An absolute path is used as is. A relative path is taken relative to the
/// current directory when it exists there; otherwise relative to the repository root (the nearest parent of the
/// content root holding <c>Summit.sln</c>), so <c>dotnet run --project Summit.Search.Api</c> from the repository
/// root and <c>dotnet run</c> inside the project folder both use <c>&lt;repo&gt;/index-data</c>; with no repository
/// around (a published app) it stays relative to the current directory.
/// </summary>
public static class SearchPaths
{
    public static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        var fromCurrent = Path.GetFullPath(path, Directory.GetCurrentDirectory());
        if (Directory.Exists(fromCurrent)) return fromCurrent;
        var root = FindRepositoryRoot(contentRoot) ?? FindRepositoryRoot(Directory.GetCurrentDirectory());
        return root is null ? fromCurrent : Path.GetFullPath(path, root);
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Summit.sln"))) return dir.FullName;
        return null;
    }
}
