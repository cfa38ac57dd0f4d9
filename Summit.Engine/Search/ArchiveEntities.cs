using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Summit.Engine.Entities;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// The entities of one index reader. The index keeps the person and speaker forms the extractor wrote for each
/// article; the registry is built from all of them (each form with the number of live articles using it as a
/// person or speaker, as <see cref="EntityLinking.FormCounts"/> counts), and facets, filters, hits and the
/// article endpoint show entities through it. So when a later article changes what a form means (the first
/// "Ronald Reagan" after a hundred "Reagan"s), every article follows at the next commit, with no document
/// rewritten, and an index built at once and one built article by article give the same registry. Built once
/// per reader (readers are immutable) and dropped with it; the form counts are kept per segment core, so a refresh
/// counts only new segments and subtracts deleted articles. A form the registry leaves ambiguous ("Bush" beside two
/// George Bushes) is then resolved per article on its evidence (<see cref="SurnameEvidence"/>), with one pass over
/// the person and speaker ordinals and the articles' dates; facets, filters, hits and the article endpoint follow it.
/// </summary>
public sealed class ArchiveEntities
{
    private static readonly ConditionalWeakTable<IndexReader, ArchiveEntities> Cache = new();
    // Documents (top-level doc ids: articles and their quotes) whose ambiguous forms the article's evidence resolved,
    // and per field and entity those documents in order.
    private readonly Dictionary<int, Dictionary<string, Entity>> _resolved = [];
    private readonly Dictionary<(string Field, Entity Entity), List<int>> _resolvedDocs = [];

    private ArchiveEntities(EntityRegistry registry)
    {
        Registry = registry;
    }

    public static ArchiveEntities For(IndexReader reader) => Cache.GetValue(reader, Build);

    public EntityRegistry Registry { get; }

    /// <summary>Facet fields whose values are entities: persons and speakers.</summary>
    public static bool IsEntityField(string field) => field is SummitSchema.Person or SummitSchema.Speaker;

    /// <summary>The entity name shown for a stored form of document <paramref name="doc"/> (a top-level doc id, article
    /// or quote); null when the form is no entity (or a surname its article's evidence leaves unresolved).</summary>
    public string? Display(string form, int doc) => EntityLinking.Resolve(form, Registry, ResolvedIn(doc))?.Name;

    /// <summary>The stored forms a filter on <paramref name="value"/> (an entity's name or alias) must match.</summary>
    public IEnumerable<string> FormsOf(string value) =>
        Registry.Find(value) is { } entity ? Registry.FormsOf(entity) : [value];

    /// <summary>Entity names of a field's stored forms in article <paramref name="doc"/> (a top-level doc id), in
    /// order, without repeats or non-entities: persons for the person field (as its facet counts them), persons or
    /// organisations for speakers; an ambiguous form as its article's evidence resolved it.</summary>
    public IReadOnlyList<string> Names(string field, IEnumerable<string> forms, int doc)
    {
        var evidence = ResolvedIn(doc);
        return forms.Select(f => (field == SummitSchema.Person ? EntityLinking.ResolvePerson(f, Registry, evidence) : EntityLinking.Resolve(f, Registry, evidence))?.Name)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The ambiguous forms of document <paramref name="doc"/> (a top-level doc id: an article or one of its
    /// quotes) that the article's evidence resolved (<see cref="SurnameEvidence"/>), with their entities; empty for most.</summary>
    public IReadOnlyDictionary<string, Entity> ResolvedIn(int doc) => _resolved.GetValueOrDefault(doc) ?? NoneResolved;

    /// <summary>Whether any article has a form resolved on its evidence.</summary>
    public bool AnyResolved => _resolved.Count > 0;

    /// <summary>The entities that some document's ambiguous form in <paramref name="field"/> resolved to.</summary>
    public IEnumerable<Entity> ResolvedEntities(string field) => _resolvedDocs.Keys.Where(k => k.Field == field).Select(k => k.Entity);

    /// <summary>The articles whose ambiguous form in <paramref name="field"/> their evidence resolved to the entity
    /// <paramref name="value"/> names, as a filter on this reader; null when there are none.</summary>
    public Filter? ResolvedFilter(string field, string value) =>
        Registry.Find(value) is { } entity && _resolvedDocs.TryGetValue((field, entity), out var docs) ? new DocListFilter(docs) : null;

    private static readonly Dictionary<string, Entity> NoneResolved = [];

    /// <summary>Sorted top-level doc ids of this reader as a filter, one bit set per segment.</summary>
    private sealed class DocListFilter(List<int> docs) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
        {
            var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
            var from = docs.BinarySearch(context.DocBase);
            for (var i = from < 0 ? ~from : from; i < docs.Count && docs[i] < context.DocBase + bits.Length; i++) bits.Set(docs[i] - context.DocBase);
            return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
        }
    }

    private static ArchiveEntities Build(IndexReader reader)
    {
        var registry = EntityRegistry.Build(ArticleCounts(reader, [SummitSchema.Person, SummitSchema.Speaker]), ArticleCounts(reader, [SummitSchema.Organization]));
        var entities = new ArchiveEntities(registry);
        entities.ResolveByEvidence(reader);
        return entities;
    }

    /// <summary>
    /// Resolves the ambiguous forms of each article on its evidence (<see cref="SurnameEvidence"/>): one pass over
    /// the articles builds the candidates' profiles and notes the articles with an ambiguous form, which are then
    /// resolved. Nothing is done when no form is ambiguous.
    /// </summary>
    private void ResolveByEvidence(IndexReader reader)
    {
        var builder = new SurnameEvidence.Builder(Registry);
        if (!builder.IsNeeded) return;
        var persons = new FieldValues(reader, [SummitSchema.Person, SummitSchema.Speaker]);
        var entityOf = persons.Values.Select(Registry.ResolvePerson).ToArray();
        var ambiguous = persons.Values.Select(v => Registry.CandidatesOf(v).Count > 0).ToArray();
        var pending = new List<(AtomicReaderContext Leaf, int Doc, int? Year, Entity[] Persons, (int Field, int Id)[] Forms)>();
        var present = new List<Entity>();
        (AtomicReaderContext? Leaf, NumericColumn? Column) dates = (null, null);
        persons.ForEachArticle((leaf, doc, values) =>
        {
            present.Clear();
            foreach (var (_, id) in values)
                if (entityOf[id] is { } e && !present.Exists(p => ReferenceEquals(p, e))) present.Add(e);
            if (dates.Leaf != leaf) dates = (leaf, NumericColumn.For(leaf.AtomicReader, SummitSchema.Date));
            var date = dates.Column?.Get(doc);
            var year = SurnameEvidence.YearOf(date is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
            builder.Add(present, year);
            if (values.Any(v => ambiguous[v.Id]))
                pending.Add((leaf, doc, year, [.. present], [.. values.Where(v => ambiguous[v.Id])]));
        });
        var evidence = builder.Build();
        void Add(string field, Entity entity, int doc)
        {
            if (!_resolvedDocs.TryGetValue((field, entity), out var docs)) _resolvedDocs[(field, entity)] = docs = [];
            if (docs.Count == 0 || docs[^1] != doc) docs.Add(doc);
        }
        foreach (var (leaf, doc, year, named, forms) in pending)
        {
            var resolved = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var (field, id) in forms)
            {
                if (evidence.Resolve(persons.Values[id], named, year) is not { } entity) continue;
                resolved[persons.Values[id]] = entity;
                Add(persons.Fields[field], entity, leaf.DocBase + doc);
            }
            if (resolved.Count == 0) continue;
            _resolved[leaf.DocBase + doc] = resolved;
            // The article's quote documents follow it in one block (see QuoteSearch.ArticleDocOf): their speaker and
            // nearby persons are the article's forms and resolve as there.
            if (KindFilter.For(SummitSchema.KindQuote).GetDocIdSet(leaf, null) is not FixedBitSet quotes) continue;
            for (var quote = doc + 1; quote < leaf.AtomicReader.MaxDoc && quotes.Get(quote); quote++)
            {
                _resolved[leaf.DocBase + quote] = resolved;
                foreach (var (field, id) in persons.ValuesOf(leaf, quote))
                    if (resolved.TryGetValue(persons.Values[id], out var entity)) Add(persons.Fields[field], entity, leaf.DocBase + quote);
            }
        }
        // Filters look documents up by binary search.
        foreach (var docs in _resolvedDocs.Values) docs.Sort();
    }

    /// <summary>The distinct values of some fields across a reader's live articles, each with an id, and each
    /// article's values as those ids, read from the cached per-segment ordinals (<see cref="FacetDocOrdinals"/>).</summary>
    private sealed class FieldValues
    {
        private readonly IndexReader _reader;
        // Per leaf, per field: the doc ordinals and segment ordinal → value id; null where the segment lacks the field.
        private readonly List<(FacetDocOrdinals Ords, int[] IdOf)?[]> _leaves = [];

        public FieldValues(IndexReader reader, string[] fields)
        {
            _reader = reader;
            Fields = fields;
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var leaf in reader.Leaves)
            {
                var segment = leaf.AtomicReader;
                _leaves.Add([.. fields.Select(field =>
                {
                    var ords = FacetDocOrdinals.For(segment, field);
                    var docValues = segment.GetSortedSetDocValues(field);
                    if (ords is null || docValues is null) return ((FacetDocOrdinals, int[])?)null;
                    return (ords, ValueIds(docValues, ids, Values));
                })]);
            }
        }

        public string[] Fields { get; }

        /// <summary>Every value of any segment, by id.</summary>
        public List<string> Values { get; } = [];

        /// <summary>Calls <paramref name="visit"/> for each live article with its distinct values (field index and value
        /// id; a value in two fields comes once per field).</summary>
        public void ForEachArticle(Action<AtomicReaderContext, int, List<(int Field, int Id)>> visit)
        {
            var values = new List<(int Field, int Id)>();
            var articles = KindFilter.For(SummitSchema.KindArticle);
            for (var l = 0; l < _reader.Leaves.Count; l++)
            {
                var leaf = _reader.Leaves[l];
                var fields = _leaves[l];
                if (fields.All(f => f is null)) continue;
                var docs = articles.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator();
                if (docs is null) continue;
                for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    values.Clear();
                    for (var f = 0; f < fields.Length; f++)
                    {
                        if (fields[f] is not var (ords, idOf)) continue;
                        for (var j = ords.Start[doc]; j < ords.Start[doc + 1]; j++) values.Add((f, idOf[ords.Ords[j]]));
                    }
                    if (values.Count > 0) visit(leaf, doc, values);
                }
            }
        }

        /// <summary>The values of any document of a leaf of the reader: field index and value id.</summary>
        public IEnumerable<(int Field, int Id)> ValuesOf(AtomicReaderContext leaf, int doc)
        {
            var fields = _leaves[ReaderUtil.SubIndex(leaf.DocBase, _reader.Leaves)];
            for (var f = 0; f < fields.Length; f++)
            {
                if (fields[f] is not var (ords, idOf)) continue;
                for (var j = ords.Start[doc]; j < ords.Start[doc + 1]; j++) yield return (f, idOf[ords.Ords[j]]);
            }
        }
    }

    /// <summary>Segment ordinal → value id for one field of a segment: a value met before (in another field or segment)
    /// keeps its id in <paramref name="ids"/>, a new one is appended to <paramref name="values"/>.</summary>
    private static int[] ValueIds(SortedSetDocValues docValues, Dictionary<string, int> ids, List<string> values)
    {
        var scratch = new BytesRef();
        var map = new int[docValues.ValueCount];
        for (var ord = 0; ord < map.Length; ord++)
        {
            docValues.LookupOrd(ord, scratch);
            var value = scratch.Utf8ToString();
            if (!ids.TryGetValue(value, out var id))
            {
                ids[value] = id = values.Count;
                values.Add(value);
            }
            map[ord] = id;
        }
        return map;
    }

    /// <summary>Each value of the fields with the number of live articles holding it in any of them.</summary>
    private static Dictionary<string, int> ArticleCounts(IndexReader reader, string[] fieldNames)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves) SegmentCounts.For(leaf.AtomicReader, fieldNames).AddTo(counts, leaf.AtomicReader.LiveDocs);
        foreach (var (value, count) in counts)
            if (count == 0) counts.Remove(value);
        return counts;
    }

    /// <summary>
    /// The article counts of one segment core, deleted articles included, kept as long as the core lives. A refresh
    /// reuses the cores of the segments it did not write, also when it deleted some of their articles (an article
    /// replaced or removed), so it counts only the new segments' articles and subtracts only the deleted ones.
    /// </summary>
    private sealed class SegmentCounts
    {
        private static readonly ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SegmentCounts>>> Cache = new();

        private readonly List<string> _values = [];
        // Per field with doc values in the segment: the doc ordinals and segment ordinal → value id.
        private readonly List<(FacetDocOrdinals Ords, int[] IdOf)> _fields = [];
        private readonly FixedBitSet? _articles;
        private readonly int[] _all;

        private SegmentCounts(AtomicReader segment, string[] fieldNames)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var field in fieldNames)
                if (FacetDocOrdinals.For(segment, field) is { } ords && segment.GetSortedSetDocValues(field) is { } docValues)
                    _fields.Add((ords, ValueIds(docValues, ids, _values)));
            _articles = KindFilter.For(SummitSchema.KindArticle).GetDocIdSet(segment.AtomicContext, null) as FixedBitSet;
            _all = new int[_values.Count];
            if (_fields.Count == 0 || _articles is null) return;
            var seen = new List<int>();
            for (var doc = _articles.NextSetBit(0); doc >= 0; doc = doc + 1 < _articles.Length ? _articles.NextSetBit(doc + 1) : -1)
                foreach (var id in DistinctIds(doc, seen)) _all[id]++;
        }

        public static SegmentCounts For(AtomicReader segment, string[] fieldNames) =>
            Cache.GetValue(segment.CoreCacheKey, _ => new(StringComparer.Ordinal))
                .GetOrAdd(string.Join('\n', fieldNames), _ => new Lazy<SegmentCounts>(() => new SegmentCounts(segment, fieldNames))).Value;

        /// <summary>Adds each value's count of live articles to <paramref name="counts"/> (a value all of whose articles
        /// were deleted adds 0).</summary>
        public void AddTo(Dictionary<string, int> counts, IBits? liveDocs)
        {
            for (var id = 0; id < _all.Length; id++)
                if (_all[id] > 0) counts[_values[id]] = counts.GetValueOrDefault(_values[id]) + _all[id];
            if (liveDocs is null || _articles is null) return;
            var seen = new List<int>();
            for (var doc = 0; doc < _articles.Length; doc++)
                if (!liveDocs.Get(doc) && _articles.Get(doc))
                    foreach (var id in DistinctIds(doc, seen)) counts[_values[id]]--;
        }

        /// <summary>The value ids of a document, each once: an article counts a value once, whether it names it as a
        /// person, a speaker or both.</summary>
        private List<int> DistinctIds(int doc, List<int> ids)
        {
            ids.Clear();
            foreach (var (ords, idOf) in _fields)
                for (var j = ords.Start[doc]; j < ords.Start[doc + 1]; j++)
                    if (!ids.Contains(idOf[ords.Ords[j]])) ids.Add(idOf[ords.Ords[j]]);
            return ids;
        }
    }
}
