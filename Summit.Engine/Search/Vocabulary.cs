using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Entities;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>A facet value with the number of articles carrying it, and its words for name matching.</summary>
/// <param name="AliasWords">For persons and speakers, the words of each other name the archive uses for them.</param>
public sealed record VocabularyEntry(string Value, int Count, string[] Words, string[][] AliasWords)
{
    /// <summary>The words of the value and of each alias.</summary>
    public IEnumerable<string[]> AllWords => AliasWords.Prepend(Words);
}

/// <summary>
/// The facet values of one index reader with article counts: resolves <c>speaker:putin</c> to "Vladimir Putin",
/// filters typed in another case, and feeds suggestions. Built once per reader (readers are immutable) and dropped
/// with it.
/// </summary>
public sealed class Vocabulary
{
    private static readonly ConditionalWeakTable<IndexReader, Vocabulary> Cache = new();
    private readonly Dictionary<string, IReadOnlyList<VocabularyEntry>> _entries;
    private readonly Dictionary<string, Dictionary<string, string>> _byFolded;

    private readonly ArchiveEntities _entities;

    private Vocabulary(Dictionary<string, IReadOnlyList<VocabularyEntry>> entries, Dictionary<string, Dictionary<string, string>> byFolded,
        long? newestDate, ArchiveEntities entities)
    {
        _entries = entries;
        _byFolded = byFolded;
        _entities = entities;
        NewestDate = newestDate;
    }

    /// <summary>Date (Unix ms) of the newest article, the reference point of the recency boost.</summary>
    public long? NewestDate { get; }

    public static Vocabulary For(IndexSearcher searcher) => Cache.GetValue(searcher.IndexReader, _ => Build(searcher));

    /// <summary>Entries of a dimension, most frequent first.</summary>
    public IReadOnlyList<VocabularyEntry> Entries(string dimension) => _entries.TryGetValue(dimension, out var e) ? e : [];

    /// <summary>The indexed spelling of a value typed in any case or accents; null when no article has it.</summary>
    public string? Canonical(string dimension, string value)
    {
        if (!_byFolded.TryGetValue(dimension, out var map)) return null;
        if (map.GetValueOrDefault(TextFolding.Fold(value)) is { } known) return known;
        // A person by any of their names: "Reagan", "Bibi Netanyahu".
        return ArchiveEntities.IsEntityField(dimension) && _entities.Registry.Find(value) is { } entity && map.ContainsKey(TextFolding.Fold(entity.Name))
            ? entity.Name : null;
    }

    /// <summary>The values the index holds for a value of a dimension: for persons and speakers every form of the
    /// entity, else the value itself.</summary>
    public IEnumerable<string> IndexedForms(string dimension, string value) =>
        ArchiveEntities.IsEntityField(dimension) ? _entities.FormsOf(value) : [value];

    /// <summary>For a person or speaker value, the articles whose ambiguous form their evidence resolved to that
    /// entity (<see cref="ArchiveEntities.ResolvedFilter"/>), which its <see cref="IndexedForms"/> do not match; else null.</summary>
    public Filter? ResolvedFilter(string dimension, string value) =>
        ArchiveEntities.IsEntityField(dimension) ? _entities.ResolvedFilter(dimension, value) : null;

    /// <summary>Values whose words contain the given words in order (a phrase), or start with a prefix.</summary>
    public IEnumerable<string> Match(string dimension, string text, bool prefix)
    {
        var words = TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        return Entries(dimension).Where(e => e.AllWords.Any(w => ContainsSequence(w, words, prefix))).Select(e => e.Value);
    }

    private static bool ContainsSequence(string[] name, string[] words, bool prefix)
    {
        for (var start = 0; start + words.Length <= name.Length; start++)
        {
            var ok = true;
            for (var k = 0; k < words.Length && ok; k++)
            {
                var last = k == words.Length - 1;
                ok = prefix && last ? name[start + k].StartsWith(words[k], StringComparison.Ordinal) : name[start + k] == words[k];
            }
            if (ok) return true;
        }
        return false;
    }

    private static string[] WordsOf(string name) => TextFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Vocabulary Build(IndexSearcher searcher)
    {
        var entities = ArchiveEntities.For(searcher.IndexReader);
        // The search's dimensions and the other facet fields, each in the layout queries use (FacetOrdinals.Layout).
        using var search = new FacetCounter(searcher, ArticleSearcher.FacetDimensions);
        using var others = new FacetCounter(searcher, SummitSchema.FacetFields.Except(ArticleSearcher.FacetDimensions).ToList());
        searcher.Search(new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), MultiCollector.Wrap(search, others));
        var ordinals = FacetOrdinals.For(searcher.IndexReader);
        var entries = new Dictionary<string, IReadOnlyList<VocabularyEntry>>(StringComparer.Ordinal);
        var byFolded = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var d in SummitSchema.FacetFields)
        {
            // A value's words and folded form are kept per id in the index's facet space, made once for all readers;
            // an entity's alias words once per entity object, which a re-link keeps for the persons it did not change.
            var values = ordinals.ValuesOf(d);
            var counted = (ArticleSearcher.FacetDimensions.Contains(d) ? search : others).IdCounts(d)
                .Select(c => (c.Id, Value: ordinals.Label(d, c.Id), c.Count))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
            entries[d] = [.. counted.Select(c => new VocabularyEntry(c.Value, c.Count, values.Words(c.Id),
                ArchiveEntities.IsEntityField(d) && EntityNamed(entities.Registry, c.Value) is { } entity ? AliasWords(entity) : []))];
            var map = byFolded[d] = new Dictionary<string, string>(counted.Count, StringComparer.Ordinal);
            foreach (var c in counted) map.TryAdd(values.Folded(c.Id), c.Value);
        }
        var newest = searcher.Search(new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), null, 1,
            new Sort(DateSort.Newest));
        long? newestDate = newest.ScoreDocs is [FieldDoc { Fields: [J2N.Numerics.Int64 millis] }] && millis.ToInt64() > 0 ? millis.ToInt64() : null;
        return new Vocabulary(entries, byFolded, newestDate, entities);
    }

    /// <summary>The entity a person or speaker value (a canonical name) is.</summary>
    private static Entity? EntityNamed(EntityRegistry registry, string name) =>
        // A canonical name is mostly also a form the archive writes; the lookup by canonical name covers the others.
        registry.Resolve(name) is { } entity && entity.Name == name ? entity : registry.PersonNamed(name);

    private static readonly ConditionalWeakTable<Entity, string[][]> AliasWordsCache = new();

    private static string[][] AliasWords(Entity entity) => AliasWordsCache.GetValue(entity, e => [.. e.Aliases.Select(WordsOf)]);
}
