using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Summit.Engine.Search;

/// <summary>
/// Per-segment, per-field data built once from a segment's doc values and kept as long as the segment core lives
/// (<see cref="IndexReader.CoreCacheKey"/>): a refresh that reuses a segment under a new top-level reader reuses
/// its data, and the data dies with the segment. Doc values of a segment core never change here.
/// </summary>
internal static class SegmentCache<T> where T : class
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<T?>>> Cache = new();

    public static T? Get(AtomicReader segment, string field, Func<AtomicReader, string, T?> build)
    {
        var fields = Cache.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<T?>>(StringComparer.Ordinal));
        // Lazy so that queries racing on a fresh segment build it once; the others wait for it.
        var lazy = fields.GetOrAdd(field, f => new Lazy<T?>(() => build(segment, f)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Lazy would rethrow a failed build forever; drop it so the next query tries again.
            fields.TryRemove(new KeyValuePair<string, Lazy<T?>>(field, lazy));
            throw;
        }
    }
}

/// <summary>
/// State kept for one index across its readers (a refresh opens a new reader on the same directory): one instance per
/// directory a reader was opened on, or per reader for a reader of no directory. What is made from the last reader's
/// state (stable facet ids, the entity and vocabulary lineages) lives here and dies with the directory.
/// </summary>
internal static class PerIndex<T> where T : class, new()
{
    private static readonly ConditionalWeakTable<object, T> Cache = new();

    public static T For(IndexReader reader) => Cache.GetValue(reader is DirectoryReader directory ? directory.Directory : reader, _ => new T());
}
