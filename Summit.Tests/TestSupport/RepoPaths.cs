namespace Summit.Tests.TestSupport;

/// <summary>Paths in the repository checkout the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedArticle => Path.Combine(Seeds, "000_270a9acb2966ab58.txt");

    /// <summary>../shared beside the checkout (research corpora for realistic tests), or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    private static string FindRoot() =>
        Summit.Engine.Search.SearchPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Summit.sln not found above " + AppContext.BaseDirectory);
}

/// <summary>A folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "summit-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string contents)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public string File(string name, byte[] contents)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Base for tests that read articles from one temp folder into an index in another.</summary>
public abstract class InputAndIndexFolders : IDisposable
{
    protected TempDirectory Input { get; } = new("summit-input");
    protected TempDirectory Index { get; } = new("summit-index");

    public void Dispose()
    {
        Input.Dispose();
        Index.Dispose();
        GC.SuppressFinalize(this);
    }
}
