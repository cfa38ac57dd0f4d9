using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace Summit.Engine.Search;

/// <summary>
/// Stable ids for the facet values of one index, shared by all its readers (a refresh opens a new reader): a value has
/// the same id under every reader, so what a segment core built from ids (<see cref="FacetOrdinals"/>) stays valid
/// under the next reader, and a refresh numbers only the values its new segments bring, where per-reader global
/// ordinals (Lucene's OrdinalMap) shift whenever a value is added and make every document's ordinals be rewritten.
/// A value's id belongs to its text; for persons and speakers to its entity's canonical name. Ids are never taken
/// back: a name a re-link retires keeps its id and counts nothing.
/// </summary>
internal sealed class FacetSpace
{
    private readonly ConcurrentDictionary<string, Values> _fields = new(StringComparer.Ordinal);

    /// <summary>The space of the reader's index (<see cref="PerIndex{T}"/>).</summary>
    public static FacetSpace For(IndexReader reader) => PerIndex<FacetSpace>.For(reader);

    public Values Of(string field) => _fields.GetOrAdd(field, f => new Values(f));

    /// <summary>What a reader sees of a field's ids: those below <paramref name="Count"/>, with their labels and sort keys.</summary>
    /// <param name="Capacity">Ids the arrays have room for; layouts reserve that much of their combined space per field,
    /// so that new ids fit without moving the other fields' ordinals.</param>
    /// <param name="Order">Per id, a key in the order facet lists break count ties by: the display label
    /// (<see cref="ArticleSearcher.DisplayLabel"/>) ignoring case; equal labels share a key.</param>
    public readonly record struct Snapshot(int Count, int Capacity, string[] Labels, long[] Order);

    /// <summary>
    /// One field's ids. Arrays only grow by replacement, and a slot is written once, before any snapshot can count it:
    /// a reader holding a snapshot reads its own ids without locks while later readers append.
    /// </summary>
    internal sealed class Values(string field)
    {
        // Room between two neighbouring sort keys when they are spread anew.
        private const long Spacing = 1L << 24;
        private readonly object _lock = new();
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private string[] _labels = new string[64];
        private long[] _order = new long[64];
        // Per id, computed on first use: what vocabularies match and look values up by (see Words, Folded).
        private string[]?[] _words = new string[]?[64];
        private string?[] _folded = new string?[64];
        private int _count;
        // Ids with a sort key, in key order; ids from _ordered.Length on get theirs at the next snapshot.
        private int[] _ordered = [];
        // Folded value → the ids whose value folds to it, for ids below _foldedCount (indexed at each snapshot).
        private readonly Dictionary<string, int[]> _byFolded = new(StringComparer.Ordinal);
        private int _foldedCount;

        /// <summary>The id of a label, numbered now when it is new.</summary>
        public int Id(string label)
        {
            lock (_lock)
            {
                if (_ids.TryGetValue(label, out var id)) return id;
                if (_count == _labels.Length)
                {
                    Array.Resize(ref _labels, _count * 2);
                    Array.Resize(ref _words, _count * 2);
                    Array.Resize(ref _folded, _count * 2);
                    // A new array, as every growth here: snapshots keep the labels and keys they were given.
                    Array.Resize(ref _order, _count * 2);
                }
                _labels[_count] = label;
                return _ids[label] = _count++;
            }
        }

        /// <summary>The ids whose value folds to <paramref name="folded"/> (<see cref="TextFolding"/>), as of the last snapshot.</summary>
        public int[] WithFolded(string folded)
        {
            lock (_lock) return _byFolded.GetValueOrDefault(folded, []);
        }

        /// <summary>The id of a label; -1 when it has none.</summary>
        public int Find(string label)
        {
            lock (_lock) return _ids.GetValueOrDefault(label, -1);
        }

        /// <summary>The ids so far, every one with a sort key.</summary>
        public Snapshot Take()
        {
            lock (_lock)
            {
                if (_ordered.Length < _count) Order();
                for (; _foldedCount < _count; _foldedCount++)
                {
                    var folded = Folded(_foldedCount);
                    _byFolded[folded] = [.. _byFolded.GetValueOrDefault(folded, []), _foldedCount];
                }
                return new Snapshot(_count, _labels.Length, _labels, _order);
            }
        }

        /// <summary>The words of an id's display label, folded (<see cref="TextFolding"/>); a value's words never change,
        /// so each is split once for all readers.</summary>
        public string[] Words(int id)
        {
            var words = Volatile.Read(ref _words);
            // Racing threads write equal arrays; one written into an array a growth just replaced is made again later.
            return words[id] ??= TextFolding.Fold(Display(id)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>An id's stored value folded (<see cref="TextFolding"/>), made once for all readers.</summary>
        public string Folded(int id)
        {
            var folded = Volatile.Read(ref _folded);
            return folded[id] ??= TextFolding.Fold(Volatile.Read(ref _labels)[id]);
        }

        private string Display(int id) => ArticleSearcher.DisplayLabel(field, _labels[id]);

        private int Compare(int a, int b) => StringComparer.OrdinalIgnoreCase.Compare(Display(a), Display(b));

        /// <summary>Gives the new ids sort keys between their neighbours' (a merge of the sorted new ids into the ordered
        /// ones); when a gap is too small, or most ids are new, every key is spread anew into a new array.</summary>
        private void Order()
        {
            var fresh = Enumerable.Range(_ordered.Length, _count - _ordered.Length).ToArray();
            Array.Sort(fresh, Compare);
            var merged = new int[_count];
            var (i, j, n) = (0, 0, 0);
            var fits = fresh.Length * 4 < _ordered.Length;
            while (i < _ordered.Length || j < fresh.Length)
            {
                if (j == fresh.Length || i < _ordered.Length && Compare(_ordered[i], fresh[j]) <= 0)
                {
                    merged[n++] = _ordered[i++];
                    continue;
                }
                // A run of new ids between two ordered ones (or an end) shares the gap between their keys.
                var runStart = j;
                while (j < fresh.Length && (i == _ordered.Length || Compare(fresh[j], _ordered[i]) < 0)) merged[n++] = fresh[j++];
                if (fits) fits = Place(fresh.AsSpan(runStart, j - runStart), i > 0 ? _ordered[i - 1] : -1, i < _ordered.Length ? _ordered[i] : -1);
            }
            _ordered = merged;
            if (fits) return;
            var order = new long[_order.Length];
            for (var k = 0; k < merged.Length; k++)
                order[merged[k]] = k > 0 && Compare(merged[k - 1], merged[k]) == 0 ? order[merged[k - 1]] : (k + 1) * Spacing;
            _order = order;
        }

        /// <summary>Keys for a sorted run of new ids between the ordered ids <paramref name="before"/> and
        /// <paramref name="after"/> (-1: none); false when the gap has too little room.</summary>
        private bool Place(ReadOnlySpan<int> run, int before, int after)
        {
            var low = before < 0 ? 0 : _order[before];
            var high = after < 0 ? low + (run.Length + 1) * Spacing : _order[after];
            var step = (high - low) / (run.Length + 1);
            if (step < 1) return false;
            for (var k = 0; k < run.Length; k++)
            {
                var id = run[k];
                _order[id] = before >= 0 && Compare(before, id) == 0 ? low
                    : after >= 0 && Compare(id, after) == 0 ? high
                    : k > 0 && Compare(run[k - 1], id) == 0 ? _order[run[k - 1]]
                    : low + (k + 1) * step;
            }
            return true;
        }
    }
}
