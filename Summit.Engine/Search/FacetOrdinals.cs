using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Summit.Engine.Entities;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// Global ordinals of the facet fields for one top-level reader, like the <c>OrdinalMap</c> that Lucene's
/// SortedSetDocValuesFacetCounts keeps per reader: every segment ordinal maps to one ordinal across the whole
/// index, so a query counts into a single array and resolves only the labels it shows. Built once per reader
/// (readers are immutable) and dropped with it.
/// </summary>
public sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<IndexReader, FacetOrdinals> Cache = new();

    private readonly IndexReader _reader;
    private readonly IList<AtomicReaderContext> _leaves;
    private readonly Dictionary<AtomicReader, int> _segmentOf = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, Field> _fields = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<FacetLayout>> _layouts = new(StringComparer.Ordinal);

    private FacetOrdinals(IndexReader reader)
    {
        _reader = reader;
        _leaves = reader.Leaves;
        for (var i = 0; i < _leaves.Count; i++) _segmentOf[_leaves[i].AtomicReader] = i;
    }

    public static FacetOrdinals For(IndexReader reader) => Cache.GetValue(reader, r => new FacetOrdinals(r));

    /// <summary>
    /// Every document's values of <paramref name="fields"/> as one slice of combined ordinals, built once per reader
    /// and field list. Callers use few lists: the search's dimensions (<see cref="ArticleSearcher.FacetDimensions"/>)
    /// and a facet outside them (places), so a field's values are held in at most one layout.
    /// </summary>
    public FacetLayout Layout(IReadOnlyList<string> fields) =>
        // Lazy so that queries racing on a new reader build a layout once.
        _layouts.GetOrAdd(string.Join('\n', fields), _ => new Lazy<FacetLayout>(() => BuildLayout(fields))).Value;

    /// <summary>Number of distinct values of the field in the whole index.</summary>
    public int ValueCount(string field) => FieldOf(field).ValueCount;

    /// <summary>Segment ordinal → global ordinal for a leaf of this reader (-1: a form that is no entity); null when
    /// they are equal (one segment, not an entity field).</summary>
    public int[]? SegmentMap(string field, AtomicReader segment) => FieldOf(field).SegmentToGlobal?[_segmentOf[segment]];

    /// <summary>The value of a global ordinal, looked up on first use and remembered.</summary>
    public string Label(string field, int globalOrd)
    {
        var f = FieldOf(field);
        if (f.Entities is { } entities) return entities[globalOrd].Name;
        // Racing threads may both resolve a label; they write the same string, so no lock is needed.
        return f.Labels[globalOrd] ??= RawLabel(f, field, globalOrd);
    }

    /// <summary>
    /// Per global ordinal, the place of its display label (<see cref="ArticleSearcher.DisplayLabel"/>) in the order
    /// facet lists break count ties by (ordinal, ignoring case); equal labels share a rank. Built once per reader.
    /// </summary>
    public int[] LabelRank(string field)
    {
        var f = FieldOf(field);
        if (f.LabelRank is { } ready) return ready;
        var labels = Enumerable.Range(0, f.ValueCount).Select(ord => ArticleSearcher.DisplayLabel(field, Label(field, ord))).ToArray();
        var order = Enumerable.Range(0, f.ValueCount).Order(Comparer<int>.Create((a, b) => StringComparer.OrdinalIgnoreCase.Compare(labels[a], labels[b]))).ToArray();
        var rank = new int[f.ValueCount];
        for (var i = 1; i < order.Length; i++)
            rank[order[i]] = rank[order[i - 1]] + (StringComparer.OrdinalIgnoreCase.Equals(labels[order[i]], labels[order[i - 1]]) ? 0 : 1);
        // Racing threads compute the same array.
        return f.LabelRank = rank;
    }

    /// <summary>Global ordinal of a value, or -1 when no document has it.</summary>
    public int GlobalOrd(string field, string value)
    {
        var f = FieldOf(field);
        if (f.Archive is { } archive)
            return archive.Registry.Find(value) is { } entity && f.OrdinalOf!.TryGetValue(entity, out var ord) ? ord : -1;
        var term = new BytesRef(value);
        for (var segment = 0; segment < _leaves.Count; segment++)
        {
            var values = _leaves[segment].AtomicReader.GetSortedSetDocValues(field);
            var ord = values?.LookupTerm(term) ?? -1;
            if (ord >= 0) return f.SegmentToGlobal is null ? (int)ord : f.SegmentToGlobal[segment][ord];
        }
        return -1;
    }

    // Built on first use of a field, so fields no query counts cost nothing.
    private Field FieldOf(string field) => _fields.GetOrAdd(field, BuildField);

    private Field BuildField(string field)
    {
        var raw = BuildRawField(field);
        if (!ArchiveEntities.IsEntityField(field)) return raw;
        // Person and speaker values are counted as entities: every form's ordinal maps to its entity's, or to -1.
        // The field's ordinals number only the entities its forms name, so a query counts into an array as small as
        // the field's own values (the registry also holds every organisation and the other field's entities).
        var archive = ArchiveEntities.For(_reader);
        var registry = archive.Registry;
        var toEntity = new int[raw.ValueCount];
        var entities = new List<Entity>();
        var ordinalOf = new Dictionary<Entity, int>(ReferenceEqualityComparer.Instance);
        for (var ord = 0; ord < raw.ValueCount; ord++)
        {
            // A person value is a person; a speaker may also be an organisation ("BBC").
            var form = RawLabel(raw, field, ord);
            var entity = field == SummitSchema.Person ? registry.ResolvePerson(form) : registry.Resolve(form);
            if (entity is null)
            {
                toEntity[ord] = -1;
                continue;
            }
            if (!ordinalOf.TryGetValue(entity, out var entityOrd))
            {
                ordinalOf[entity] = entityOrd = entities.Count;
                entities.Add(entity);
            }
            toEntity[ord] = entityOrd;
        }
        // An entity some article names only by an ambiguous form its evidence resolved counts too.
        foreach (var entity in archive.ResolvedEntities(field).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (ordinalOf.ContainsKey(entity)) continue;
            ordinalOf[entity] = entities.Count;
            entities.Add(entity);
        }
        var toGlobal = new int[_leaves.Count][];
        for (var segment = 0; segment < _leaves.Count; segment++)
        {
            var count = (int)(_leaves[segment].AtomicReader.GetSortedSetDocValues(field)?.ValueCount ?? 0);
            toGlobal[segment] = new int[count];
            for (var ord = 0; ord < count; ord++) toGlobal[segment][ord] = toEntity[raw.SegmentToGlobal is null ? ord : raw.SegmentToGlobal[segment][ord]];
        }
        return new Field(raw.Map, toGlobal, entities.Count) { Archive = archive, Entities = entities, OrdinalOf = ordinalOf };
    }

    /// <summary>The stored value of a raw global ordinal.</summary>
    private string RawLabel(Field raw, string field, int globalOrd)
    {
        // Doc values instances are per thread in Lucene, so fetch this thread's one rather than keep one here.
        var (segment, ord) = raw.Map is null ? (0, (long)globalOrd) : (raw.Map.GetFirstSegmentNumber(globalOrd), raw.Map.GetFirstSegmentOrd(globalOrd));
        var scratch = new BytesRef();
        _leaves[segment].AtomicReader.GetSortedSetDocValues(field)!.LookupOrd(ord, scratch);
        return scratch.Utf8ToString();
    }

    private Field BuildRawField(string field)
    {
        var segments = _leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(field)).ToArray();
        if (segments.Length <= 1)
            return new Field(null, null, checked((int)(segments.FirstOrDefault()?.ValueCount ?? 0)));
        var map = new MultiDocValues.OrdinalMap(this,
            segments.Select(s => (s ?? DocValues.EMPTY_SORTED_SET).GetTermsEnum()).ToArray());
        var toGlobal = new int[segments.Length][];
        for (var segment = 0; segment < segments.Length; segment++)
        {
            var count = segments[segment]?.ValueCount ?? 0;
            toGlobal[segment] = new int[count];
            for (var ord = 0L; ord < count; ord++) toGlobal[segment][ord] = (int)map.GetGlobalOrd(segment, ord);
        }
        return new Field(map, toGlobal, checked((int)map.ValueCount));
    }

    private FacetLayout BuildLayout(IReadOnlyList<string> fields)
    {
        var bases = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var field in fields)
        {
            bases[field] = count;
            count += ValueCount(field);
        }
        var segments = new FacetDocOrdinals[_leaves.Count];
        for (var s = 0; s < _leaves.Count; s++)
        {
            var leaf = _leaves[s].AtomicReader;
            var perField = fields.Select(f => FacetDocOrdinals.For(leaf, f)).ToArray();
            var maps = fields.Select(f => SegmentMap(f, leaf)).ToArray();
            // Person and speaker fields of a reader where some article's evidence resolved an ambiguous form.
            var evidence = fields.Select(f => FieldOf(f) is { Archive.AnyResolved: true } e ? e : null).ToArray();
            var docValues = new SortedSetDocValues?[fields.Count];
            var scratch = new BytesRef();
            var start = new int[leaf.MaxDoc + 1];
            var ords = new int[perField.Sum(p => p?.Ords.Length ?? 0)];
            var n = 0;
            for (var doc = 0; doc < leaf.MaxDoc; doc++)
            {
                start[doc] = n;
                for (var i = 0; i < perField.Length; i++)
                {
                    if (perField[i] is not { } values) continue;
                    var (map, fieldBase) = (maps[i], bases[fields[i]]);
                    var resolved = evidence[i]?.Archive!.ResolvedIn(s, doc);
                    var first = n;
                    for (var j = values.Start[doc]; j < values.Start[doc + 1]; j++)
                    {
                        var ord = map is null ? values.Ords[j] : map[values.Ords[j]];
                        // An ambiguous form counts under the entity its article's evidence resolved it to.
                        if (ord < 0 && resolved is { Count: > 0 })
                        {
                            (docValues[i] ??= leaf.GetSortedSetDocValues(fields[i])!).LookupOrd(values.Ords[j], scratch);
                            if (resolved.TryGetValue(scratch.Utf8ToString(), out var entity) && evidence[i]!.OrdinalOf!.TryGetValue(entity, out var resolvedOrd)) ord = resolvedOrd;
                        }
                        // A form that is no entity counts nowhere; two forms of one entity count once.
                        if (ord < 0 || ords.AsSpan(first, n - first).Contains(fieldBase + ord)) continue;
                        ords[n++] = fieldBase + ord;
                    }
                }
            }
            start[leaf.MaxDoc] = n;
            segments[s] = new FacetDocOrdinals(start, ords);
        }
        return new FacetLayout(bases, count, segments, _segmentOf);
    }

    private sealed class Field(MultiDocValues.OrdinalMap? map, int[][]? segmentToGlobal, int valueCount)
    {
        public MultiDocValues.OrdinalMap? Map { get; } = map;
        public int[][]? SegmentToGlobal { get; } = segmentToGlobal;
        public int ValueCount { get; } = valueCount;
        /// <summary>Set for person and speaker fields, whose global ordinals are entities: the entity of each.</summary>
        public IReadOnlyList<Entity>? Entities { get; init; }
        public ArchiveEntities? Archive { get; init; }
        public Dictionary<Entity, int>? OrdinalOf { get; init; }
        public string?[] Labels { get; } = new string?[valueCount];
        public int[]? LabelRank { get; set; }
    }
}

/// <summary>
/// Documents' values of several facet fields as combined ordinals (field base + global ordinal), per segment:
/// the ordinals of document <c>d</c> are <c>Ords[Start[d]..Start[d + 1]]</c>. Counting a hit is then one run
/// through one small slice, where per-field arrays cost two cache misses per field and hit.
/// </summary>
public sealed class FacetLayout(Dictionary<string, int> bases, int count, FacetDocOrdinals[] segments, Dictionary<AtomicReader, int> segmentOf)
{
    /// <summary>Size of the combined ordinal space.</summary>
    public int Count { get; } = count;

    /// <summary>Where a field's global ordinals start in the combined space; -1 when the layout lacks the field.</summary>
    public int Base(string field) => bases.GetValueOrDefault(field, -1);

    public FacetDocOrdinals Segment(AtomicReader segment) => segments[segmentOf[segment]];
}
