using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Summit.Engine.Entities;

namespace Summit.Engine.Search;

/// <summary>
/// The facet values of one top-level reader as ids of the index's <see cref="FacetSpace"/>, like the global ordinals
/// Lucene's SortedSetDocValuesFacetCounts keeps per reader: a query counts into a single array and resolves only the
/// labels it shows. Ids are stable across readers, so what is built per segment core (its values' ids, its documents'
/// combined ordinals) carries over to the next reader: a refresh numbers the new segments' values, and re-maps only the
/// documents holding a person or speaker form whose entity the new registry changed (<see cref="EntityRegistry.ChangedForms"/>)
/// or whose evidence resolved differently. Built once per reader (readers are immutable) and dropped with it.
/// </summary>
public sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<IndexReader, FacetOrdinals> Cache = new();

    private readonly IndexReader _reader;
    private readonly IList<AtomicReaderContext> _leaves;
    private readonly Dictionary<AtomicReader, int> _segmentOf = new(ReferenceEqualityComparer.Instance);
    private readonly FacetSpace _space;
    private readonly ConcurrentDictionary<string, Lazy<Field>> _fields = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<FacetLayout>> _layouts = new(StringComparer.Ordinal);

    private FacetOrdinals(IndexReader reader)
    {
        _reader = reader;
        _leaves = reader.Leaves;
        _space = FacetSpace.For(reader);
        for (var i = 0; i < _leaves.Count; i++) _segmentOf[_leaves[i].AtomicReader] = i;
    }

    public static FacetOrdinals For(IndexReader reader) => Cache.GetValue(reader, r => new FacetOrdinals(r));

    /// <summary>
    /// Every document's values of <paramref name="fields"/> as one slice of combined ordinals, built once per reader
    /// and field list. Callers use few lists: the search's dimensions (<see cref="ArticleSearcher.FacetDimensions"/>)
    /// and the facets outside them, so a field's values are held in at most one layout.
    /// </summary>
    public FacetLayout Layout(IReadOnlyList<string> fields) =>
        // Lazy so that queries racing on a new reader build a layout once.
        _layouts.GetOrAdd(string.Join('\n', fields), _ => new Lazy<FacetLayout>(() => BuildLayout(fields))).Value;

    /// <summary>Number of ids of the field: every value of the reader has one below it (so do values that only other
    /// readers of the index hold; they count nothing here).</summary>
    public int ValueCount(string field) => FieldOf(field).Ids.Count;

    /// <summary>The values of the field's ids (read ids below <see cref="ValueCount"/> only).</summary>
    internal string[] Labels(string field) => FieldOf(field).Ids.Labels;

    /// <summary>The value of an id: the stored value, or for persons and speakers the entity's canonical name.</summary>
    public string Label(string field, int id) => FieldOf(field).Ids.Labels[id];

    /// <summary>
    /// Per id, a key in the order facet lists break count ties by: the display label (<see cref="ArticleSearcher.DisplayLabel"/>)
    /// ignoring case; equal labels share a key. Read ids below <see cref="ValueCount"/> only.
    /// </summary>
    public long[] LabelOrder(string field) => FieldOf(field).Ids.Order;

    /// <summary>The field's ids in the index's space, with what is kept per id for every reader (words, folded value).</summary>
    internal FacetSpace.Values ValuesOf(string field) => FieldOf(field).Values;

    /// <summary>The id of a value (for persons and speakers, of the entity it names), or -1 when it has none.</summary>
    public int GlobalOrd(string field, string value)
    {
        var f = FieldOf(field);
        var label = f.Archive is { } archive ? archive.Registry.Find(value)?.Name : value;
        var id = label is null ? -1 : f.Values.Find(label);
        return id < f.Ids.Count ? id : -1;
    }

    // Built on first use of a field, so fields no query counts cost nothing.
    private Field FieldOf(string field) => _fields.GetOrAdd(field, f => new Lazy<Field>(() => BuildField(f))).Value;

    private Field BuildField(string field)
    {
        var values = _space.Of(field);
        var archive = ArchiveEntities.IsEntityField(field) ? ArchiveEntities.For(_reader) : null;
        var ids = _leaves.Select(l => SegmentIds.For(l.AtomicReader, field).Ids(l.AtomicReader, field, values, archive?.Registry)).ToArray();
        // An entity some article names only by an ambiguous form its evidence resolved counts under its name too: each
        // segment's resolution numbers its persons once (before the snapshot, so their ids are below its count).
        var resolved = archive is null ? null : _leaves.Select((_, s) => archive.ResolutionOf(s)?.IdsOf(field, values)).ToArray();
        return new Field(values, values.Take(), ids, archive, resolved);
    }

    private FacetLayout BuildLayout(IReadOnlyList<string> fields)
    {
        var perField = fields.Select(FieldOf).ToArray();
        // Each field reserves its capacity, so new ids do not move the next field's ordinals; the slot after them all
        // takes the values that count nowhere.
        var bases = new int[fields.Count];
        var next = 0;
        for (var i = 0; i < fields.Count; i++) (bases[i], next) = (next, next + perField[i].Ids.Capacity);
        var trash = next;
        var archive = perField.Select(f => f.Archive).FirstOrDefault(a => a is not null);
        var segments = new FacetDocOrdinals[_leaves.Count];
        for (var s = 0; s < _leaves.Count; s++)
        {
            var segment = _leaves[s].AtomicReader;
            var inputs = new SegmentLayout.Inputs(bases, trash, [.. perField.Select(f => f.SegmentIds[s])],
                archive?.ResolutionOf(s), [.. perField.Select(f => f.Resolved?[s])]);
            segments[s] = SegmentLayout.For(segment, fields).Ordinals(segment, fields, inputs);
        }
        return new FacetLayout(
            fields.Select((f, i) => (f, (bases[i], bases[i] + perField[i].Ids.Capacity))).ToDictionary(p => p.f, p => p.Item2, StringComparer.Ordinal),
            trash + 1, segments, _segmentOf);
    }

    private sealed class Field(FacetSpace.Values values, FacetSpace.Snapshot ids, int[][] segmentIds, ArchiveEntities? archive,
        IReadOnlyDictionary<string, int>?[]? resolved)
    {
        public FacetSpace.Values Values { get; } = values;
        public FacetSpace.Snapshot Ids { get; } = ids;
        /// <summary>Per leaf, segment ordinal → id (-1: a form that is no entity).</summary>
        public int[][] SegmentIds { get; } = segmentIds;
        /// <summary>Set for person and speaker fields, whose ids are entities.</summary>
        public ArchiveEntities? Archive { get; } = archive;
        /// <summary>For person and speaker fields, per leaf, the ids of the persons evidence resolved an ambiguous form to.</summary>
        public IReadOnlyDictionary<string, int>?[]? Resolved { get; } = resolved;
    }

    /// <summary>
    /// One segment core's ids of one field: its segment ordinals mapped to ids, kept with the core. A value's id never
    /// changes, except for a person or speaker form whose entity a new registry changed; those are looked up and the
    /// rest of the array is copied, and when no form of the segment changed the array is the same one.
    /// </summary>
    private sealed class SegmentIds
    {
        private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentIds>> Cache = new();

        private readonly object _lock = new();
        private FacetSpace.Values? _space;
        private EntityRegistry? _registry;
        private int[]? _ids;
        private string[]? _forms;

        public static SegmentIds For(AtomicReader segment, string field) =>
            Cache.GetValue(segment.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(field, _ => new SegmentIds());

        /// <summary>The segment's stored values by ordinal (set once <see cref="Ids"/> has run for a person or speaker field).</summary>
        public string[]? Forms => _forms;

        public int[] Ids(AtomicReader segment, string field, FacetSpace.Values space, EntityRegistry? registry)
        {
            lock (_lock)
            {
                if (_ids is not null && ReferenceEquals(space, _space) && ReferenceEquals(registry, _registry)) return _ids;
                var docValues = segment.GetSortedSetDocValues(field);
                if (docValues is null) return Keep(space, registry, []);
                if (_forms is null)
                {
                    var scratch = new BytesRef();
                    _forms = new string[docValues.ValueCount];
                    for (var ord = 0; ord < _forms.Length; ord++)
                    {
                        docValues.LookupOrd(ord, scratch);
                        _forms[ord] = scratch.Utf8ToString();
                    }
                }
                int IdOf(string form) => registry is null ? space.Id(form)
                    : (field == Index.SummitSchema.Person ? registry.ResolvePerson(form) : registry.Resolve(form)) is { } entity ? space.Id(entity.Name) : -1;
                var changed = _ids is not null && ReferenceEquals(space, _space) && registry is not null && _registry is not null
                    ? registry.ChangedForms(_registry) : null;
                // Each changed form is one term lookup; past a few per form of the segment, mapping every form is cheaper.
                if (changed is null || changed.Count > 64 + 4 * _forms.Length)
                    return Keep(space, registry, [.. _forms.Select(IdOf)]);
                int[]? ids = null;
                foreach (var form in changed)
                {
                    var ord = (int)docValues.LookupTerm(new BytesRef(form));
                    if (ord < 0 || IdOf(form) is var id && id == _ids![ord]) continue;
                    ids ??= (int[])_ids!.Clone();
                    ids[ord] = id;
                }
                return Keep(space, registry, ids ?? _ids!);
            }
        }

        private int[] Keep(FacetSpace.Values space, EntityRegistry? registry, int[] ids)
        {
            (_space, _registry, _ids) = (space, registry, ids);
            // Raw values need their text only to be numbered.
            if (registry is null) _forms = null;
            return ids;
        }
    }

    /// <summary>
    /// One segment core's combined ordinals for one field list: a slot per value of every document, holding the field's
    /// base plus the value's id, or the trash ordinal for a value that counts nowhere (no entity, or a second form of an
    /// entity the document already counts). Slots never move, so a re-link that changes some forms' entities copies the
    /// ordinals and rewrites the documents holding those forms (found through their postings), and one that changes none
    /// keeps the array.
    /// </summary>
    private sealed class SegmentLayout
    {
        private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentLayout>> Cache = new();

        /// <summary>What a layout was built from: the fields' bases, their segment ids and the segment's evidence.</summary>
        /// <param name="Resolved">Per field, the ids of the persons <paramref name="Resolution"/> resolved forms to (the
        /// same object while the resolution is the same).</param>
        public sealed record Inputs(int[] Bases, int Trash, int[][] Ids, ArchiveEntities.SegmentEvidence.Resolution? Resolution,
            IReadOnlyDictionary<string, int>?[] Resolved);

        private readonly object _lock = new();
        private int[]? _start;
        private Inputs? _inputs;
        private FacetDocOrdinals? _ordinals;

        public static SegmentLayout For(AtomicReader segment, IReadOnlyList<string> fields) =>
            Cache.GetValue(segment.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(string.Join('\n', fields), _ => new SegmentLayout());

        public FacetDocOrdinals Ordinals(AtomicReader segment, IReadOnlyList<string> fields, Inputs inputs)
        {
            lock (_lock)
            {
                var values = fields.Select(f => FacetDocOrdinals.For(segment, f)).ToArray();
                var forms = fields.Select(f => SegmentIds.For(segment, f).Forms).ToArray();
                if (_start is null)
                {
                    _start = new int[segment.MaxDoc + 1];
                    for (var doc = 0; doc < segment.MaxDoc; doc++)
                        _start[doc + 1] = _start[doc] + values.Sum(v => v is null ? 0 : v.Start[doc + 1] - v.Start[doc]);
                }
                if (_ordinals is not null && _inputs is { } old && old.Bases.AsSpan().SequenceEqual(inputs.Bases) && old.Trash == inputs.Trash)
                {
                    if (ChangedDocs(segment, fields, forms, old, inputs) is not { } docs) return Keep(inputs, _ordinals);
                    // Rewriting a document costs what building it does; the array is copied only when a document's slots
                    // differ (most documents resolved again resolve as before).
                    if (docs.Count <= Math.Max(64, segment.MaxDoc / 2))
                    {
                        int[]? ords = null;
                        var slots = new List<int>();
                        foreach (var doc in docs)
                        {
                            var (from, count) = (_start[doc], _start[doc + 1] - _start[doc]);
                            CollectionsMarshal.SetCount(slots, count);
                            var now = CollectionsMarshal.AsSpan(slots);
                            Fill(doc, now, values, forms, inputs);
                            if (now.SequenceEqual(_ordinals.Ords.AsSpan(from, count))) continue;
                            ords ??= (int[])_ordinals.Ords.Clone();
                            now.CopyTo(ords.AsSpan(from, count));
                        }
                        return Keep(inputs, ords is null ? _ordinals : new FacetDocOrdinals(_start, ords));
                    }
                }
                var all = new int[_start[segment.MaxDoc]];
                for (var doc = 0; doc < segment.MaxDoc; doc++) Fill(doc, all.AsSpan(_start[doc], _start[doc + 1] - _start[doc]), values, forms, inputs);
                return Keep(inputs, new FacetDocOrdinals(_start, all));
            }
        }

        private FacetDocOrdinals Keep(Inputs inputs, FacetDocOrdinals ordinals)
        {
            (_inputs, _ordinals) = (inputs, ordinals);
            return ordinals;
        }

        /// <summary>The documents whose slots may differ between two inputs with the same bases; null when none do.</summary>
        private static HashSet<int>? ChangedDocs(AtomicReader segment, IReadOnlyList<string> fields, string[]?[] forms, Inputs old, Inputs now)
        {
            HashSet<int>? docs = null;
            if (!ReferenceEquals(old.Resolution, now.Resolution))
            {
                docs = [];
                // A resolution updated from the last one names the documents it resolved again.
                if (old.Resolution is not null && now.Resolution?.ChangedSince(old.Resolution) is { } changed) docs.UnionWith(changed);
                else
                    foreach (var resolution in new[] { old.Resolution, now.Resolution })
                        if (resolution is not null) docs.UnionWith(resolution.Docs.Keys);
            }
            DocsEnum? postings = null;
            for (var i = 0; i < fields.Count; i++)
            {
                if (ReferenceEquals(old.Ids[i], now.Ids[i])) continue;
                docs ??= [];
                // Only person and speaker ids change under one space; their forms are terms of the field too.
                var terms = segment.GetTerms(fields[i])?.GetEnumerator();
                for (var ord = 0; ord < now.Ids[i].Length; ord++)
                {
                    if (old.Ids[i][ord] == now.Ids[i][ord] || terms is null || !terms.SeekExact(new BytesRef(forms[i]![ord]))) continue;
                    postings = terms.Docs(null, postings, DocsFlags.NONE);
                    for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) docs.Add(doc);
                }
            }
            return docs;
        }

        /// <summary>Writes a document's slots into <paramref name="ords"/> (as many as it has).</summary>
        private static void Fill(int doc, Span<int> ords, FacetDocOrdinals?[] values, string[]?[] forms, Inputs inputs)
        {
            var resolved = inputs.Resolution?.Docs.GetValueOrDefault(doc);
            var n = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } field) continue;
                var first = n;
                for (var j = field.Start[doc]; j < field.Start[doc + 1]; j++)
                {
                    var segmentOrd = field.Ords[j];
                    var id = inputs.Ids[i][segmentOrd];
                    // An ambiguous form counts under the person its article's evidence resolved it to.
                    if (id < 0 && resolved is not null && forms[i] is { } names && resolved.TryGetValue(names[segmentOrd], out var person))
                        id = inputs.Resolved[i]?.GetValueOrDefault(person, -1) ?? -1;
                    var ord = id < 0 ? inputs.Trash : inputs.Bases[i] + id;
                    // A form that is no entity counts nowhere; two forms of one entity count once.
                    if (ord != inputs.Trash && ords[first..n].Contains(ord)) ord = inputs.Trash;
                    ords[n++] = ord;
                }
            }
        }
    }
}

/// <summary>
/// Documents' values of several facet fields as combined ordinals (field base + id), per segment: the ordinals of
/// document <c>d</c> are <c>Ords[Start[d]..Start[d + 1]]</c>. Counting a hit is then one run through one small slice,
/// where per-field arrays cost two cache misses per field and hit. A value that counts nowhere holds <see cref="Trash"/>.
/// </summary>
public sealed class FacetLayout(Dictionary<string, (int Base, int End)> rooms, int count, FacetDocOrdinals[] segments, Dictionary<AtomicReader, int> segmentOf)
{
    /// <summary>Size of the combined ordinal space, the trash ordinal included.</summary>
    public int Count { get; } = count;

    /// <summary>The ordinal of values that count nowhere, past every field's.</summary>
    public int Trash => Count - 1;

    /// <summary>Where a field's ids start in the combined space; -1 when the layout lacks the field.</summary>
    public int Base(string field) => rooms.TryGetValue(field, out var room) ? room.Base : -1;

    /// <summary>Where a field's reserved room ends (its base plus the ids it has room for, new ones included); -1 when
    /// the layout lacks the field. A segment's ordinals keep their layout while the bases and so the rooms stay.</summary>
    public int End(string field) => rooms.TryGetValue(field, out var room) ? room.End : -1;

    public FacetDocOrdinals Segment(AtomicReader segment) => segments[segmentOf[segment]];
}
