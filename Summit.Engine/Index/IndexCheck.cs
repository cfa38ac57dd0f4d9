using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Summit.Engine.Index;

/// <summary>The verdict of Lucene's <see cref="CheckIndex"/> on an index, and its full report.</summary>
public sealed record IndexCheckResult(bool Clean, int Segments, int BadSegments, int LostDocuments, string Report)
{
    /// <summary>Runs CheckIndex (reads every file; slow on big indexes, never changes anything).</summary>
    public static IndexCheckResult Run(string indexPath)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var report = new StringWriter();
        var checker = new CheckIndex(directory) { InfoStream = report };
        var status = checker.DoCheckIndex();
        var clean = status.Clean && !status.MissingSegments && !status.CantOpenSegments;
        return new IndexCheckResult(clean, status.NumSegments, status.NumBadSegments, status.TotLoseDocCount, report.ToString());
    }
}
