using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
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
/// with it. Counts are kept by id of the index's facet space (<see cref="FacetSpace"/>) and made from the last
/// reader's: a refresh counts the articles of new segments, of dropped (merged) ones, and those whose deletion or
/// combined ordinals (a re-link) changed; a value's words and folded form are kept per id for every reader.
/// </summary>
public sealed class Vocabulary
{
    private static readonly ConditionalWeakTable<IndexReader, Vocabulary> Cache = new();
    private readonly Dictionary<string, Field> _fields;
    private readonly ArchiveEntities _entities;
    private readonly ConcurrentDictionary<string, IReadOnlyList<VocabularyEntry>> _sorted = new(StringComparer.Ordinal);

    private Vocabulary(Dictionary<string, Field> fields, long? newestDate, ArchiveEntities entities)
    {
        _fields = fields;
        _entities = entities;
        NewestDate = newestDate;
    }

    /// <summary>Date (Unix ms) of the newest article, the reference point of the recency boost.</summary>
    public long? NewestDate { get; }

    public static Vocabulary For(IndexSearcher searcher) => Cache.GetValue(searcher.IndexReader, Build);

    /// <summary>Entries of a dimension, most frequent first (then by value).</summary>
    public IReadOnlyList<VocabularyEntry> Entries(string dimension) => _sorted.GetOrAdd(dimension, d => [.. Matching(d, _ => true)]);

    /// <summary>Entries of a dimension with a name (the value's words or an alias's) that <paramref name="matches"/>,
    /// most frequent first (then by value): every value is tested, only the matches are sorted.</summary>
    public IEnumerable<VocabularyEntry> Matching(string dimension, Func<string[], bool> matches)
    {
        if (!_fields.TryGetValue(dimension, out var field)) return [];
        var found = new List<VocabularyEntry>();
        for (var id = 0; id < field.Ids; id++)
        {
            if (field.Count(id) == 0) continue;
            var (words, aliases) = (field.Values.Words(id), field.AliasWords?[id] ?? []);
            if (matches(words) || aliases.Any(matches)) found.Add(new VocabularyEntry(field.Labels[id], field.Count(id), words, aliases));
        }
        found.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return found;
    }

    /// <summary>The indexed spelling of a value typed in any case or accents; null when no article has it.</summary>
    public string? Canonical(string dimension, string value)
    {
        if (!_fields.TryGetValue(dimension, out var field)) return null;
        if (field.MostFrequent(TextFolding.Fold(value)) is { } known) return known;
        // A person by any of their names: "Reagan", "Bibi Netanyahu".
        return ArchiveEntities.IsEntityField(dimension) && _entities.Registry.Find(value) is { } entity
            && field.MostFrequent(TextFolding.Fold(entity.Name)) is not null ? entity.Name : null;
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
        return Matching(dimension, w => ContainsSequence(w, words, prefix)).Select(e => e.Value);
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

    /// <summary>One dimension of a reader: its ids below <see cref="Ids"/> with their labels, their live article counts
    /// (a slice of a layout's counts) and, for persons and speakers, the words of each entity's aliases.</summary>
    private sealed class Field(FacetSpace.Values values, int ids, string[] labels, int[] counts, int @base, string[][]?[]? aliasWords)
    {
        public FacetSpace.Values Values { get; } = values;
        public int Ids { get; } = ids;
        public string[] Labels { get; } = labels;
        public string[][]?[]? AliasWords { get; } = aliasWords;

        public int Count(int id) => counts[@base + id];

        /// <summary>Of the values folding to <paramref name="folded"/> that articles hold, the most frequent (then the
        /// first by value); null when there is none.</summary>
        public string? MostFrequent(string folded)
        {
            string? best = null;
            var bestCount = 0;
            foreach (var id in Values.WithFolded(folded))
            {
                if (id >= Ids || Count(id) is var count && count == 0) continue;
                if (count > bestCount || count == bestCount && string.CompareOrdinal(Labels[id], best) < 0) (best, bestCount) = (Labels[id], count);
            }
            return best;
        }
    }

    private static Vocabulary Build(IndexReader reader)
    {
        var entities = ArchiveEntities.For(reader);
        var ordinals = FacetOrdinals.For(reader);
        var (layouts, aliasWords, newest) = Lineage.For(reader).Next(reader, entities.Registry, ordinals);
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var (fieldNames, layout, counts) in layouts)
            foreach (var name in fieldNames)
                fields[name] = new Field(ordinals.ValuesOf(name), ordinals.ValueCount(name), ordinals.Labels(name), counts, layout.Base(name),
                    aliasWords.GetValueOrDefault(name));
        return new Vocabulary(fields, newest, entities);
    }

    /// <summary>The entity a person or speaker value (a canonical name) is.</summary>
    private static Entity? EntityNamed(EntityRegistry registry, string name) =>
        // A canonical name is mostly also a form the archive writes; the lookup by canonical name covers the others.
        registry.Resolve(name) is { } entity && entity.Name == name ? entity : registry.PersonNamed(name);

    // Made per id and carried from reader to reader (Lineage.Aliases), not kept per entity in a weak table: every entry
    // of one is a handle each garbage collection walks, which made every search pay for the number of entities.
    private static string[][] AliasWords(Entity entity) => [.. entity.Aliases.Select(WordsOf)];

    /// <summary>
    /// The vocabularies of one index's readers, each made from the last: per layout, the live article count of every
    /// combined ordinal with the segments it was counted from; per person and speaker id, its entity's alias words; per
    /// segment core, its newest live article.
    /// </summary>
    private sealed class Lineage
    {
        private static readonly IReadOnlyList<string>[] FieldLists =
            [ArticleSearcher.FacetDimensions, [.. SummitSchema.FacetFields.Except(ArticleSearcher.FacetDimensions)]];

        private readonly object _lock = new();
        private (Counted[] Layouts, EntityRegistry Registry, Dictionary<string, string[][]?[]> AliasWords,
            Dictionary<object, Newest> Newest)? _last;

        /// <summary>A segment as a layout's counts saw it.</summary>
        private sealed record Segment(FacetDocOrdinals Ordinals, IBits? LiveDocs, int Deleted, FixedBitSet? Articles);

        /// <summary>A layout's counts by combined ordinal, and the segments (by core) they were counted from.</summary>
        private sealed record Counted(IReadOnlyList<string> Fields, FacetLayout Layout, int[] Counts, Dictionary<object, Segment> Segments);

        /// <summary>A segment's newest live article date (Unix ms; null: none dated) and its document, under a number of deletions.</summary>
        private sealed record Newest(long? Millis, int Doc, int Deleted);

        public static Lineage For(IndexReader reader) => PerIndex<Lineage>.For(reader);

        public (List<(IReadOnlyList<string> Fields, FacetLayout Layout, int[] Counts)> Layouts, Dictionary<string, string[][]?[]> AliasWords, long? Newest)
            Next(IndexReader reader, EntityRegistry registry, FacetOrdinals ordinals)
        {
            lock (_lock)
            {
                var layouts = FieldLists.Select(fields => CountLayout(reader, fields, ordinals.Layout(fields),
                    _last?.Layouts.FirstOrDefault(c => c.Fields.SequenceEqual(fields)))).ToArray();
                var aliasWords = new Dictionary<string, string[][]?[]>(StringComparer.Ordinal);
                foreach (var field in SummitSchema.FacetFields.Where(ArchiveEntities.IsEntityField))
                    aliasWords[field] = Aliases(field, registry, ordinals, _last is { } last ? (last.Registry, last.AliasWords[field]) : null);
                var newest = new Dictionary<object, Newest>(ReferenceEqualityComparer.Instance);
                foreach (var leaf in reader.Leaves)
                    newest[leaf.AtomicReader.CoreCacheKey] = NewestOf(leaf.AtomicReader, _last?.Newest.GetValueOrDefault(leaf.AtomicReader.CoreCacheKey));
                _last = (layouts, registry, aliasWords, newest);
                var millis = newest.Values.Max(n => n.Millis);
                return ([.. layouts.Select(l => (l.Fields, l.Layout, l.Counts))], aliasWords, millis > 0 ? millis : null);
            }
        }

        /// <summary>The live article counts of a layout: the last counts changed by what differs in each segment, or
        /// counted afresh when the layout's bases moved (a field outgrew its room).</summary>
        private static Counted CountLayout(IndexReader reader, IReadOnlyList<string> fields, FacetLayout layout, Counted? last)
        {
            var same = last is not null && last.Layout.Count == layout.Count && fields.All(f => last.Layout.Base(f) == layout.Base(f));
            var counts = same ? (int[])last!.Counts.Clone() : new int[layout.Count];
            var segments = new Dictionary<object, Segment>(ReferenceEqualityComparer.Instance);
            foreach (var leaf in reader.Leaves)
            {
                var segment = leaf.AtomicReader;
                var now = new Segment(layout.Segment(segment), segment.LiveDocs, segment.NumDeletedDocs, KindFilter.BitsOf(SummitSchema.KindArticle, segment));
                segments[segment.CoreCacheKey] = now;
                if (!same || !last!.Segments.TryGetValue(segment.CoreCacheKey, out var was)) Add(counts, now, 1);
                else Change(counts, was, now);
            }
            if (same)
                foreach (var (core, was) in last!.Segments)
                    if (!segments.ContainsKey(core)) Add(counts, was, -1);
            return new Counted(fields, layout, counts, segments);
        }

        /// <summary>Adds (or takes away) every live article of a segment.</summary>
        private static void Add(int[] counts, Segment segment, int sign)
        {
            if (segment.Articles is not { } articles) return;
            foreach (var doc in KindFilter.Docs(articles))
                if (segment.LiveDocs?.Get(doc) ?? true) Count(counts, segment.Ordinals, doc, sign);
        }

        /// <summary>The articles of one segment core whose liveness or combined ordinals differ between two readers: each
        /// taken away as it was and added as it is.</summary>
        private static void Change(int[] counts, Segment was, Segment now)
        {
            if (now.Articles is not { } articles) return;
            var docs = new SortedSet<int>();
            if (was.Deleted != now.Deleted)
                foreach (var doc in KindFilter.Docs(articles))
                    if ((was.LiveDocs?.Get(doc) ?? true) != (now.LiveDocs?.Get(doc) ?? true)) docs.Add(doc);
            if (!ReferenceEquals(was.Ordinals.Ords, now.Ordinals.Ords))
            {
                // Slots never move (one per value of each document), so the documents whose slots differ are found by
                // comparing the two arrays run by run.
                var (a, b, start) = (was.Ordinals.Ords, now.Ordinals.Ords, now.Ordinals.Start);
                for (var i = 0; i < b.Length;)
                {
                    i += a.AsSpan(i).CommonPrefixLength(b.AsSpan(i));
                    if (i >= b.Length) break;
                    var doc = Array.BinarySearch(start, i) is var at && at >= 0 ? at : ~at - 1;
                    // Documents without values share their start with the next one.
                    while (start[doc + 1] <= i) doc++;
                    docs.Add(doc);
                    i = start[doc + 1];
                }
            }
            foreach (var doc in docs)
            {
                if (!articles.Get(doc)) continue;
                if (was.LiveDocs?.Get(doc) ?? true) Count(counts, was.Ordinals, doc, -1);
                if (now.LiveDocs?.Get(doc) ?? true) Count(counts, now.Ordinals, doc, 1);
            }
        }

        private static void Count(int[] counts, FacetDocOrdinals ordinals, int doc, int sign)
        {
            foreach (var ord in ordinals.Of(doc)) counts[ord] += sign;
        }

        /// <summary>Per id of a person or speaker field, the words of its entity's aliases: the last reader's, with the ids
        /// of entities the registry changed since (and new ids) looked up again.</summary>
        private static string[][]?[] Aliases(string field, EntityRegistry registry, FacetOrdinals ordinals, (EntityRegistry Registry, string[][]?[] Words)? last)
        {
            var labels = ordinals.Labels(field);
            var words = new string[][]?[ordinals.ValueCount(field)];
            IEnumerable<int> ids = Enumerable.Range(0, words.Length);
            if (last is { } known)
            {
                var kept = Math.Min(known.Words.Length, words.Length);
                Array.Copy(known.Words, words, kept);
                var values = ordinals.ValuesOf(field);
                Entity? Of(EntityRegistry r, string form) => field == SummitSchema.Person ? r.ResolvePerson(form) : r.Resolve(form);
                var changed = registry.ChangedForms(known.Registry).SelectMany(f => new[] { Of(known.Registry, f)?.Name, Of(registry, f)?.Name })
                    .OfType<string>().Select(values.Find).Where(id => id >= 0 && id < kept);
                ids = changed.Concat(Enumerable.Range(kept, words.Length - kept)).Distinct().ToList();
            }
            foreach (var id in ids) words[id] = EntityNamed(registry, labels[id]) is { } entity ? AliasWords(entity) : null;
            return words;
        }

        /// <summary>A segment's newest live article: the last one found while it is still live, else found again.</summary>
        private static Newest NewestOf(AtomicReader segment, Newest? last)
        {
            var live = segment.LiveDocs;
            if (last is not null && (last.Deleted == segment.NumDeletedDocs || last.Millis is null || (live?.Get(last.Doc) ?? true)))
                return last with { Deleted = segment.NumDeletedDocs };
            var dates = NumericColumn.For(segment, SummitSchema.Date);
            var newest = new Newest(null, -1, segment.NumDeletedDocs);
            foreach (var doc in KindFilter.BitsOf(SummitSchema.KindArticle, segment) is { } articles ? KindFilter.Docs(articles) : [])
                if ((live?.Get(doc) ?? true) && dates?.Get(doc) is { } millis && (newest.Millis is null || millis > newest.Millis))
                    newest = newest with { Millis = millis, Doc = doc };
            return newest;
        }
    }
}
