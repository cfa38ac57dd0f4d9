using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>The first start's step: an index folder without an index gets one, from the seed articles if there are any.</summary>
public static class SeedIndexing
{
    /// <summary>Indexes <paramref name="seedsPath"/> into <paramref name="indexPath"/> when the folder holds no index
    /// yet, or commits an empty index when there are no seeds (so a searcher can open and serve empty results).
    /// Returns what seeding did, or null when an index was already there.</summary>
    public static IndexingSummary? EnsureIndex(string indexPath, string seedsPath)
    {
        if (IndexStats.Exists(indexPath)) return null;
        IndexingSummary? summary = null;
        if (System.IO.Directory.Exists(seedsPath) || File.Exists(seedsPath))
            summary = IndexingPipeline.Run(seedsPath, indexPath, new IndexingOptions());
        if (!IndexStats.Exists(indexPath))
        {
            using var builder = IndexBuilder.Open(indexPath);
            builder.Commit();
        }
        return summary;
    }
}
