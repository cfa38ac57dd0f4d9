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
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var seenIn = new List<int>();
        var scratch = new BytesRef();
        var articles = KindFilter.For(SummitSchema.KindArticle);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var fields = fieldNames
                .Select(f => (Values: FacetDocOrdinals.For(segment, f), DocValues: segment.GetSortedSetDocValues(f)))
                .Where(f => f.Values is not null && f.DocValues is not null).ToList();
            if (fields.Count == 0) continue;
            // Segment ordinal → value id, per field.
            var idOf = fields.Select(f =>
            {
                var map = new int[f.DocValues!.ValueCount];
                for (var ord = 0; ord < map.Length; ord++)
                {
                    f.DocValues.LookupOrd(ord, scratch);
                    var value = scratch.Utf8ToString();
                    if (!ids.TryGetValue(value, out var id))
                    {
                        ids[value] = id = counts.Count;
                        counts.Add(0);
                        seenIn.Add(-1);
                    }
                    map[ord] = id;
                }
                return map;
            }).ToList();
            var docs = articles.GetDocIdSet(leaf, segment.LiveDocs)?.GetIterator();
            if (docs is null) continue;
            // Each article counts a value once, whether it names it as a person, a speaker or both.
            for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                for (var f = 0; f < fields.Count; f++)
                {
                    var values = fields[f].Values!;
                    for (var j = values.Start[doc]; j < values.Start[doc + 1]; j++)
                    {
                        var id = idOf[f][values.Ords[j]];
                        if (seenIn[id] == leaf.DocBase + doc) continue;
                        seenIn[id] = leaf.DocBase + doc;
                        counts[id]++;
                    }
                }
            }
        }
        return ids.Where(kv => counts[kv.Value] > 0).ToDictionary(kv => kv.Key, kv => counts[kv.Value], StringComparer.Ordinal);
    }
}
