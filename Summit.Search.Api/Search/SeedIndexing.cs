using Summit.Indexer.Index;

namespace Summit.Search.Api.Search;

/// <summary>Builds the index from the seed folder on first start, with the indexer's own pipeline.</summary>
public static class SeedIndexing
{
    public static IndexingSummary Run(string seedsPath, string indexPath) =>
        IndexingPipeline.Run(seedsPath, indexPath, new IndexingOptions());
}
