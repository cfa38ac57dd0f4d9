using System.Runtime.CompilerServices;
using Lucene.Net.Index;
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
/// per reader (readers are immutable), with a cost of one pass over the facet ordinals of the person and speaker
/// fields, and dropped with the reader.
/// </summary>
public sealed class ArchiveEntities
{
    private static readonly ConditionalWeakTable<IndexReader, ArchiveEntities> Cache = new();
    private readonly Dictionary<Entity, int> _indexOf;

    private ArchiveEntities(EntityRegistry registry)
    {
        Registry = registry;
        _indexOf = new Dictionary<Entity, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < registry.Entities.Count; i++) _indexOf[registry.Entities[i]] = i;
    }

    public static ArchiveEntities For(IndexReader reader) => Cache.GetValue(reader, Build);

    public EntityRegistry Registry { get; }

    /// <summary>Facet fields whose values are entities: persons and speakers.</summary>
    public static bool IsEntityField(string field) => field is SummitSchema.Person or SummitSchema.Speaker;

    /// <summary>Position of an entity in <see cref="EntityRegistry.Entities"/>: its ordinal in a facet.</summary>
    public int IndexOf(Entity entity) => _indexOf[entity];

    /// <summary>The entity name shown for a stored form; null when the form is no entity (or an unresolved surname).</summary>
    public string? Display(string form) => Registry.Resolve(form)?.Name;

    /// <summary>The stored forms a filter on <paramref name="value"/> (an entity's name or alias) must match.</summary>
    public IEnumerable<string> FormsOf(string value) =>
        Registry.Find(value) is { } entity ? Registry.FormsOf(entity) : [value];

    /// <summary>Entity names of a field's stored forms, in order, without repeats or non-entities: persons for the
    /// person field (as its facet counts them), persons or organisations for speakers.</summary>
    public IReadOnlyList<string> Names(string field, IEnumerable<string> forms) =>
        forms.Select(f => field == SummitSchema.Person ? Registry.ResolvePerson(f)?.Name : Display(f)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static ArchiveEntities Build(IndexReader reader) => new(EntityRegistry.Build(
        ArticleCounts(reader, [SummitSchema.Person, SummitSchema.Speaker]), ArticleCounts(reader, [SummitSchema.Organization])));

    /// <summary>Each value of the fields with the number of live articles holding it in any of them.</summary>
    private static Dictionary<string, int> ArticleCounts(IndexReader reader, string[] fieldNames)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
            foreach (var (value, count) in SegmentCounts.For(leaf, fieldNames))
                counts[value] = counts.GetValueOrDefault(value) + count;
        return counts;
    }

    /// <summary>
    /// The counts of one segment, kept with the segment's reader: a refresh reuses the readers of the segments it did
    /// not change (a deletion makes a new reader), so it counts only the new segments' articles.
    /// </summary>
    private static class SegmentCounts
    {
        private static readonly ConditionalWeakTable<AtomicReader, System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, int>>> Cache = new();

        public static Dictionary<string, int> For(AtomicReaderContext leaf, string[] fieldNames) =>
            Cache.GetValue(leaf.AtomicReader, _ => new(StringComparer.Ordinal))
                .GetOrAdd(string.Join('\n', fieldNames), _ => Count(leaf, fieldNames));

        private static Dictionary<string, int> Count(AtomicReaderContext leaf, string[] fieldNames)
        {
            var segment = leaf.AtomicReader;
            var fields = fieldNames
                .Select(f => (Values: FacetDocOrdinals.For(segment, f), DocValues: segment.GetSortedSetDocValues(f)))
                .Where(f => f.Values is not null && f.DocValues is not null).ToList();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (fields.Count == 0) return counts;
            // Segment ordinal → value id, per field.
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var values = new List<string>();
            var scratch = new BytesRef();
            var idOf = fields.Select(f =>
            {
                var map = new int[f.DocValues!.ValueCount];
                for (var ord = 0; ord < map.Length; ord++)
                {
                    f.DocValues.LookupOrd(ord, scratch);
                    var value = scratch.Utf8ToString();
                    if (!ids.TryGetValue(value, out var id))
                    {
                        ids[value] = id = values.Count;
                        values.Add(value);
                    }
                    map[ord] = id;
                }
                return map;
            }).ToList();
            var perId = new int[values.Count];
            var seenIn = new int[values.Count];
            Array.Fill(seenIn, -1);
            var docs = KindFilter.For(SummitSchema.KindArticle).GetDocIdSet(leaf, segment.LiveDocs)?.GetIterator();
            if (docs is null) return counts;
            // Each article counts a value once, whether it names it as a person, a speaker or both.
            for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                for (var f = 0; f < fields.Count; f++)
                {
                    var docValues = fields[f].Values!;
                    for (var j = docValues.Start[doc]; j < docValues.Start[doc + 1]; j++)
                    {
                        var id = idOf[f][docValues.Ords[j]];
                        if (seenIn[id] == doc) continue;
                        seenIn[id] = doc;
                        perId[id]++;
                    }
                }
            }
            for (var id = 0; id < values.Count; id++)
                if (perId[id] > 0) counts[values[id]] = perId[id];
            return counts;
        }
    }
}
