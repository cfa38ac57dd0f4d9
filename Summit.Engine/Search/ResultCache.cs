using System.Text.Json;
using Lucene.Net.Index;

namespace Summit.Engine.Search;

/// <summary>
/// Responses of the current index version by request, so a query that many visitors send (a search box's popular
/// words, a facet link on a front page) is answered without searching again, as Solr's query result cache and
/// Elasticsearch's request cache do. Entries belong to one reader: the first request on a newer reader starts an
/// empty cache, so a response never outlives the index it was computed on (an acknowledged ingest is visible to the
/// next search) and old readers are not kept alive by it. Bounded twice: at most <c>capacity</c> entries and at most
/// <c>maxBytes</c> of estimated memory (<see cref="EstimateBytes"/>); the least recently used entries are evicted to
/// stay under both, and a response bigger than the whole budget is not kept. Entries are plain immutable objects, so
/// evicting one never disturbs a request that is still using it. Thread-safe; a capacity or budget of 0 turns it off.
/// </summary>
public sealed class ResultCache(int capacity, long maxBytes = ResultCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private static readonly JsonSerializerOptions KeyOptions = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions SizeOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Bytes counted for an entry besides its text: the entry, list node, dictionary slot and the
    /// response's own object headers.</summary>
    internal const int EntryOverheadBytes = 256;

    private readonly Lock _lock = new();
    private IndexReader? _reader;
    private long _generation = -1;
    private Store? _entries;

    private bool Enabled => capacity > 0 && maxBytes > 0;

    /// <summary>Entries and estimated bytes held for the current reader (for tests and diagnostics).</summary>
    internal (int Entries, long Bytes) Usage
    {
        get
        {
            Store? store;
            lock (_lock) store = _entries;
            return store?.Usage ?? (0, 0);
        }
    }

    /// <summary>The cached response to <paramref name="request"/> on <paramref name="reader"/>, or the computed one.
    /// Requests are records of values, so their JSON is the key; a failure (a bad query) is not cached.</summary>
    public T GetOrCompute<TRequest, T>(IndexReader reader, string kind, TRequest request, Func<T> compute) where T : class
    {
        var entries = Enabled ? EntriesFor(reader) : null;
        if (entries is null) return compute();
        var key = kind + JsonSerializer.Serialize(request, KeyOptions);
        if (entries.TryGet(key) is T cached) return cached;
        var response = compute();
        entries.Add(key, response, EstimateBytes(key, response), capacity, maxBytes);
        return response;
    }

    /// <summary>
    /// Memory an entry takes, estimated from its serialized JSON: the text of a response (snippets, titles, names) is
    /// most of it, and .NET holds text as UTF-16, two bytes per character where the UTF-8 JSON mostly has one, plus the
    /// headers of every string, list and record. Measured on a pageSize=100 response of the seed corpus: 213,616 bytes
    /// live for 84,813 bytes of JSON (2.52 times), so an entry counts 2.5 times its JSON, plus its key (UTF-16) and
    /// <see cref="EntryOverheadBytes"/>.
    /// </summary>
    internal static long EstimateBytes(string key, object response)
    {
        using var counter = new CountingStream();
        JsonSerializer.Serialize(counter, response, response.GetType(), SizeOptions);
        return 5 * counter.Length / 2 + 2L * key.Length + EntryOverheadBytes;
    }

    /// <summary>The entries of <paramref name="reader"/>; null for a reader older than the cached one (a request
    /// that was running when the index changed), whose responses are not kept.</summary>
    private Store? EntriesFor(IndexReader reader)
    {
        lock (_lock)
        {
            if (ReferenceEquals(reader, _reader)) return _entries;
            var generation = reader is DirectoryReader directory ? directory.IndexCommit.Generation : 0;
            if (generation < _generation) return null;
            // The old store is dropped, not cleared: requests that took it a moment ago may still read or add to it,
            // and the garbage collector frees it once they are done.
            (_reader, _generation) = (reader, generation);
            _entries = new Store();
            return _entries;
        }
    }

    /// <summary>Least-recently-used entries of one reader, with their estimated bytes.</summary>
    private sealed class Store
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, object Value, long Bytes)>> _map = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, object Value, long Bytes)> _recency = new();
        private long _bytes;

        public (int Entries, long Bytes) Usage
        {
            get { lock (_map) return (_map.Count, _bytes); }
        }

        public object? TryGet(string key)
        {
            lock (_map)
            {
                if (!_map.TryGetValue(key, out var node)) return null;
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Value;
            }
        }

        public void Add(string key, object value, long bytes, int capacity, long maxBytes)
        {
            if (bytes > maxBytes) return;
            lock (_map)
            {
                if (_map.Remove(key, out var existing))
                {
                    _recency.Remove(existing);
                    _bytes -= existing.Value.Bytes;
                }
                while (_recency.Last is { } oldest && (_map.Count >= capacity || _bytes + bytes > maxBytes))
                {
                    _recency.RemoveLast();
                    _map.Remove(oldest.Value.Key);
                    _bytes -= oldest.Value.Bytes;
                }
                _map[key] = _recency.AddFirst((key, value, bytes));
                _bytes += bytes;
            }
        }
    }

    /// <summary>A write-only stream that only counts, so sizing a response allocates no copy of its JSON.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
