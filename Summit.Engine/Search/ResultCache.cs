using System.Text.Json;
using Lucene.Net.Index;
using Microsoft.Extensions.Caching.Memory;

namespace Summit.Engine.Search;

/// <summary>
/// Responses of the current index version by request, so a query that many visitors send (a search box's popular
/// words, a facet link on a front page) is answered without searching again, as Solr's query result cache and
/// Elasticsearch's request cache do. Entries belong to one reader: the first request on a newer reader starts an
/// empty cache, so a response never outlives the index it was computed on (an acknowledged ingest is visible to the
/// next search) and old readers are not kept alive by it. Thread-safe; a capacity of 0 turns it off.
/// </summary>
public sealed class ResultCache(int capacity)
{
    private static readonly JsonSerializerOptions KeyOptions = new(JsonSerializerDefaults.Web);
    private readonly Lock _lock = new();
    private IndexReader? _reader;
    private long _generation = -1;
    private MemoryCache? _entries;

    /// <summary>The cached response to <paramref name="request"/> on <paramref name="reader"/>, or the computed one.
    /// Requests are records of values, so their JSON is the key; a failure (a bad query) is not cached.</summary>
    public T GetOrCompute<TRequest, T>(IndexReader reader, string kind, TRequest request, Func<T> compute) where T : class
    {
        var entries = capacity > 0 ? EntriesFor(reader) : null;
        if (entries is null) return compute();
        var key = kind + JsonSerializer.Serialize(request, KeyOptions);
        if (entries.TryGetValue(key, out T? cached) && cached is not null) return cached;
        var response = compute();
        entries.Set(key, response, new MemoryCacheEntryOptions { Size = 1 });
        return response;
    }

    /// <summary>The entries of <paramref name="reader"/>; null for a reader older than the cached one (a request
    /// that was running when the index changed), whose responses are not kept.</summary>
    private MemoryCache? EntriesFor(IndexReader reader)
    {
        lock (_lock)
        {
            if (ReferenceEquals(reader, _reader)) return _entries;
            var generation = reader is DirectoryReader directory ? directory.IndexCommit.Generation : 0;
            if (generation < _generation) return null;
            // The old cache is dropped, not disposed: requests that took it a moment ago may still read or add to
            // it (a disposed MemoryCache throws), and the garbage collector frees it once they are done.
            (_reader, _generation) = (reader, generation);
            _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });
            return _entries;
        }
    }
}
