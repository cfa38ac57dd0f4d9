using Summit.Engine.Search;

namespace Summit.Soak;

/// <summary>The hosts' own builds, run as processes the way they are deployed.</summary>
public static class Builds
{
    /// <summary>The build of <paramref name="project"/> in the same configuration and framework as this program (the
    /// project references build it first).</summary>
    public static string Dll(string project)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repo = SearchPaths.FindRepositoryRoot(bin.FullName) ?? Directory.GetCurrentDirectory();
        var dll = Path.Combine(repo, project, "bin", bin.Parent!.Name, bin.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build it first: dotnet build -c {bin.Parent.Name} {project}", dll);
    }
}
