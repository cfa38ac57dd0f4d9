using Summit.Engine.Search;

namespace Summit.Tests.Search;

public sealed class SearchPathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "summit-paths-" + Guid.NewGuid().ToString("N"));

    public SearchPathsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "Summit.Search.Api"));
        File.WriteAllText(Path.Combine(_root, "Summit.sln"), "");
    }

    [Fact]
    public void Relative_paths_fall_back_to_the_repository_root_above_the_content_root()
    {
        var resolved = SearchPaths.Resolve("index-data-" + Guid.NewGuid().ToString("N"), Path.Combine(_root, "Summit.Search.Api"));

        Assert.Equal(_root, Path.GetDirectoryName(resolved));
    }

    [Fact]
    public void Absolute_paths_are_kept()
    {
        var absolute = Path.Combine(_root, "elsewhere");

        Assert.Equal(absolute, SearchPaths.Resolve(absolute, Path.Combine(_root, "Summit.Search.Api")));
    }

    [Fact]
    public void The_repository_root_is_found_from_a_nested_folder()
    {
        Assert.Equal(_root, SearchPaths.FindRepositoryRoot(Path.Combine(_root, "Summit.Search.Api")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
