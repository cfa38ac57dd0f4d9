using System.Collections.Concurrent;
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
/// George Bushes) is then resolved per article on its evidence (<see cref="SurnameEvidence"/>), kept per segment core
/// too (<see cref="SegmentEvidence"/>); facets, filters, hits and the article endpoint follow it.
/// </summary>
public sealed class ArchiveEntities
{
    private static readonly ConditionalWeakTable<IndexReader, ArchiveEntities> Cache = new();
    // Per leaf of the reader, the documents whose ambiguous forms their article's evidence resolved, by the persons'
    // canonical names (none when no form is ambiguous).
    private SegmentEvidence.Resolution[] _resolved = [];
    // Per candidate, where its profile for this reader comes from.
    private IReadOnlyDictionary<string, List<SegmentEvidence.Source>> _sources = new Dictionary<string, List<SegmentEvidence.Source>>();
    private readonly IList<AtomicReaderContext> _leaves;

    // The registry's answers for the forms hits show, kept for this reader: a lookup walks the registry's persistent
    // maps (about half a microsecond at 200k articles) and a page of hits asks dozens, mostly the same ones.
    private readonly FormLookups _persons, _speakers;

    private ArchiveEntities(EntityRegistry registry, IndexReader reader)
    {
        Registry = registry;
        _leaves = reader.Leaves;
        _persons = new FormLookups(registry.ResolvePerson);
        _speakers = new FormLookups(registry.Resolve);
    }

    public static ArchiveEntities For(IndexReader reader) => Cache.GetValue(reader, Build);

    public EntityRegistry Registry { get; }

    /// <summary>Facet fields whose values are entities: persons and speakers.</summary>
    public static bool IsEntityField(string field) => field is SummitSchema.Person or SummitSchema.Speaker;

    /// <summary>The entity name shown for a stored form of document <paramref name="doc"/> (a top-level doc id, article
    /// or quote); null when the form is no entity (or a surname its article's evidence leaves unresolved).</summary>
    public string? Display(string form, int doc) => SpeakerOf(form, ResolvedIn(doc))?.Name;

    /// <summary>The stored forms a filter on <paramref name="value"/> (an entity's name or alias) must match.</summary>
    public IEnumerable<string> FormsOf(string value) =>
        Registry.Find(value) is { } entity ? Registry.FormsOf(entity) : [value];

    /// <summary>Entity names of a field's stored forms in article <paramref name="doc"/> (a top-level doc id), in
    /// order, without repeats or non-entities: persons for the person field (as its facet counts them), persons or
    /// organisations for speakers; an ambiguous form as its article's evidence resolved it.</summary>
    public IReadOnlyList<string> Names(string field, IEnumerable<string> forms, int doc)
    {
        var evidence = ResolvedIn(doc);
        // A hit's few names are compared in a list; a set is made only for a long one (every hit asks this twice).
        var names = new List<string>();
        HashSet<string>? seen = null;
        foreach (var form in forms)
        {
            var name = (field == SummitSchema.Person ? PersonOf(form, evidence) : SpeakerOf(form, evidence))?.Name;
            if (name is null) continue;
            var known = names.Count < 16 ? names.Contains(name) : !(seen ??= new HashSet<string>(names, StringComparer.Ordinal)).Add(name);
            if (!known) names.Add(name);
        }
        return names;
    }

    // As EntityLinking.ResolvePerson and EntityLinking.Resolve, through this reader's lookups.
    private Entity? PersonOf(string form, IReadOnlyDictionary<string, Entity> evidence) => _persons.Of(form) ?? evidence.GetValueOrDefault(form);

    private Entity? SpeakerOf(string form, IReadOnlyDictionary<string, Entity> evidence) => PersonOf(form, evidence) ?? _speakers.Of(form);

    /// <summary>A registry lookup's answers, kept up to a bound (the forms of the archive can be many more than hits show).</summary>
    private sealed class FormLookups(Func<string, Entity?> lookup)
    {
        private const int Capacity = 1 << 16;
        private readonly ConcurrentDictionary<string, Entity?> _answers = new(StringComparer.Ordinal);
        private int _added;

        public Entity? Of(string form)
        {
            if (_answers.TryGetValue(form, out var entity)) return entity;
            entity = lookup(form);
            if (Interlocked.Increment(ref _added) <= Capacity) _answers.TryAdd(form, entity);
            return entity;
        }
    }

    /// <summary>The ambiguous forms of document <paramref name="doc"/> (a top-level doc id: an article or one of its
    /// quotes) that the article's evidence resolved (<see cref="SurnameEvidence"/>), with their entities; empty for most.</summary>
    public IReadOnlyDictionary<string, Entity> ResolvedIn(int doc)
    {
        if (_resolved.Length == 0) return NoneResolved;
        var leaf = ReaderUtil.SubIndex(doc, _leaves);
        return ResolvedIn(leaf, doc - _leaves[leaf].DocBase);
    }

    /// <summary><see cref="ResolvedIn(int)"/> for document <paramref name="doc"/> of the reader's leaf number <paramref name="leaf"/>.</summary>
    public IReadOnlyDictionary<string, Entity> ResolvedIn(int leaf, int doc)
    {
        if (_resolved.Length == 0 || _resolved[leaf].Docs.GetValueOrDefault(doc) is not { } names) return NoneResolved;
        var resolved = new Dictionary<string, Entity>(names.Count, StringComparer.Ordinal);
        foreach (var (form, name) in names)
            if (Registry.PersonNamed(name) is { } entity) resolved[form] = entity;
        return resolved;
    }

    /// <summary>What the evidence resolved in the reader's leaf number <paramref name="leaf"/>: the same object under the next
    /// reader while that segment's resolutions stay as they were; null when no form is ambiguous.</summary>
    internal SegmentEvidence.Resolution? ResolutionOf(int leaf) => _resolved.Length == 0 ? null : _resolved[leaf];

    /// <summary>The profile the evidence of this reader holds for a candidate (<see cref="SurnameEvidence"/>): empty for
    /// a person who is none.</summary>
    internal SurnameEvidence.Profile ProfileOf(string candidate) => SegmentEvidence.Source.Sum(_sources.GetValueOrDefault(candidate), candidate);

    /// <summary>The articles whose ambiguous form in <paramref name="field"/> their evidence resolved to the entity
    /// <paramref name="value"/> names, as a filter on this reader; null when there are none.</summary>
    public Filter? ResolvedFilter(string field, string value) =>
        Registry.Find(value) is { } entity && _resolved.Any(r => r.DocsOf.ContainsKey((field, entity.Name))) ? new DocListFilter(_resolved, (field, entity.Name)) : null;

    private static readonly Dictionary<string, Entity> NoneResolved = [];

    /// <summary>The documents of each leaf resolved to one person in one field, as a filter on this reader.</summary>
    private sealed class DocListFilter(SegmentEvidence.Resolution[] leaves, (string Field, string Name) key) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
        {
            var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
            foreach (var doc in leaves[context.Ord].DocsOf.GetValueOrDefault(key) ?? []) bits.Set(doc);
            return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
        }
    }

    private static ArchiveEntities Build(IndexReader reader)
    {
        var lineage = Lineage.For(reader);
        // One reader of an index at a time, each from the last one's state.
        lock (lineage)
        {
            var entities = new ArchiveEntities(lineage.RegistryFor(reader), reader);
            entities.ResolveByEvidence(lineage);
            return entities;
        }
    }

    private static readonly string[] OrganizationFields = [SummitSchema.Organization];

    /// <summary>
    /// The registries of one index's readers, one made from the other: the last reader's segments with their deletions
    /// are kept, so the next reader's form counts differ from its by the new segments' articles, the dropped segments'
    /// (merged into new ones) and the articles deleted since; the registry is updated by those changes
    /// (<see cref="EntityRegistry.Update"/>) rather than built from every form of the archive. Its members are called with
    /// the lineage locked (<see cref="Build"/>), one reader of an index at a time.
    /// </summary>
    private sealed class Lineage
    {
        private (EntityRegistry Registry, Leaf[] Leaves)? _latest;
        private SegmentEvidence.Context? _context;

        /// <summary>What the last reader's evidence found, per segment core: its part, deletions, deleted rows and
        /// resolution; per candidate, the parts (with their deleted rows) its profile is the sum of; and the profiles
        /// summed so far.</summary>
        public (Dictionary<object, EvidenceLeaf> Leaves, Dictionary<string, List<SegmentEvidence.Source>> Sources,
            Dictionary<string, SurnameEvidence.Profile> Profiles)? Evidence { get; set; }

        public sealed record EvidenceLeaf(SegmentEvidence.Part Part, int Deleted, SegmentEvidence.Row[] DeletedRows, SegmentEvidence.Resolution Resolution);

        /// <summary>A reader's segment as the counts saw it: its core, its deletions, its counts.</summary>
        private sealed record Leaf(object Core, IBits? LiveDocs, int Deleted, SegmentCounts Persons, SegmentCounts Organizations);

        public static Lineage For(IndexReader reader) => PerIndex<Lineage>.For(reader);

        public EntityRegistry RegistryFor(IndexReader reader)
        {
            var leaves = reader.Leaves.Select(l => l.AtomicReader).Select(s => new Leaf(s.CoreCacheKey, s.LiveDocs, s.NumDeletedDocs,
                SegmentCounts.For(s, EntityFields), SegmentCounts.For(s, OrganizationFields))).ToArray();
            var registry = _latest is { } latest
                ? EntityRegistry.Update(latest.Registry, Changes(latest.Leaves, leaves, l => l.Persons), Changes(latest.Leaves, leaves, l => l.Organizations))
                : EntityRegistry.Build(ArticleCounts(leaves, l => l.Persons), ArticleCounts(leaves, l => l.Organizations));
            _latest = (registry, leaves);
            return registry;
        }

        /// <summary>What the evidence asks of the segments under <paramref name="registry"/>: the last context's sets when
        /// the registry's changes leave them as they were.</summary>
        public SegmentEvidence.Context ContextFor(EntityRegistry registry)
        {
            if (_context?.Registry != registry) _context = new SegmentEvidence.Context(registry, _context);
            return _context;
        }

        /// <summary>Each value of the fields with the number of live articles holding it in any of them.</summary>
        private static Dictionary<string, int> ArticleCounts(Leaf[] leaves, Func<Leaf, SegmentCounts> counts)
        {
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var leaf in leaves) counts(leaf).AddTo(result, leaf.LiveDocs, 1);
            foreach (var (value, count) in result)
                if (count == 0) result.Remove(value);
            return result;
        }

        /// <summary>How the live article counts of the values differ from one reader's segments to another's.</summary>
        private static Dictionary<string, int> Changes(Leaf[] before, Leaf[] after, Func<Leaf, SegmentCounts> counts)
        {
            var changes = new Dictionary<string, int>(StringComparer.Ordinal);
            var old = before.ToDictionary(l => l.Core, ReferenceEqualityComparer.Instance);
            var kept = new HashSet<object>(ReferenceEqualityComparer.Instance);
            foreach (var leaf in after)
            {
                if (!old.TryGetValue(leaf.Core, out var was)) counts(leaf).AddTo(changes, leaf.LiveDocs, 1);
                // Deletions only grow on a core, so as many means the same ones.
                else if (was.Deleted != leaf.Deleted) counts(leaf).AddDeletionChanges(changes, was.LiveDocs, leaf.LiveDocs);
                kept.Add(leaf.Core);
            }
            foreach (var leaf in before.Where(l => !kept.Contains(l.Core))) counts(leaf).AddTo(changes, leaf.LiveDocs, -1);
            return changes;
        }
    }

    /// <summary>
    /// Resolves the ambiguous forms of each article on its evidence (<see cref="SurnameEvidence"/>). Only two sets of
    /// articles matter: those naming a candidate in any form, which build the candidates' profiles, and those with an
    /// ambiguous form, which are then resolved. Each segment core keeps what it found for them
    /// (<see cref="SegmentEvidence"/>), by canonical names, which survive a re-link. A refresh reads only new segments'
    /// articles and, in the others, the articles holding a form whose link, ambiguity or candidacy changed; takes
    /// deleted articles out of the profiles; and resolves again only the articles it read anew and those whose outcome
    /// a changed profile may move (the profile of one of their candidates changed for a person they name, or in its
    /// years). Nothing is done when no form is ambiguous.
    /// </summary>
    private void ResolveByEvidence(Lineage lineage)
    {
        if (!Registry.AmbiguousForms.Any())
        {
            lineage.Evidence = null;
            return;
        }
        var context = lineage.ContextFor(Registry);
        var (before, lastSources, lastProfiles) = lineage.Evidence is { } last ? (last.Leaves, last.Sources, last.Profiles) : ([], [], []);
        var sources = new Dictionary<string, List<SegmentEvidence.Source>>(lastSources, StringComparer.Ordinal);
        // A candidate's profile is the sum of the parts naming it, less their deleted articles (one replaced or removed)
        // naming it; while those stay the same, so does the profile. The candidates whose parts or deleted articles
        // changed since the last reader are the ones whose sources are listed again, and whose resolutions are redone.
        var parts = new SegmentEvidence.Part[_leaves.Count];
        var deletedRows = new SegmentEvidence.Row[_leaves.Count][];
        // Per leaf, whether its part is the last reader's or made from it (then the last resolution is updated, not redone).
        var follows = new bool[_leaves.Count];
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var kept = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var l = 0; l < _leaves.Count; l++)
        {
            var segment = _leaves[l].AtomicReader;
            var part = parts[l] = SegmentEvidence.For(segment).PartFor(segment, context);
            kept.Add(segment.CoreCacheKey);
            var was = before.GetValueOrDefault(segment.CoreCacheKey);
            follows[l] = was is not null && (ReferenceEquals(was.Part, part) || part.IsUpdateOf(was.Part));
            if (was is not null && ReferenceEquals(was.Part, part) && was.Deleted == segment.NumDeletedDocs)
            {
                deletedRows[l] = was.DeletedRows;
                continue;
            }
            deletedRows[l] = segment.LiveDocs is { } live ? [.. part.Rows.Where(r => !live.Get(r.Doc))] : [];
            if (follows[l])
            {
                // The rows deleted since (or, for a reader older than the last, no longer deleted) change their persons'
                // profiles, as do the rows the part read anew.
                changed.UnionWith(deletedRows[l].Except(was!.DeletedRows).Concat(was.DeletedRows.Except(deletedRows[l])).SelectMany(r => r.Persons));
                if (!ReferenceEquals(was.Part, part)) changed.UnionWith(part.Touched);
            }
            else
            {
                changed.UnionWith(part.Named);
                if (was is not null) changed.UnionWith(was.Part.Named);
            }
        }
        foreach (var (core, was) in before)
            if (!kept.Contains(core)) changed.UnionWith(was.Part.Named);
        foreach (var candidate in changed)
        {
            var list = new List<SegmentEvidence.Source>();
            for (var l = 0; l < parts.Length; l++)
                // A part has a profile only for the candidates its articles name.
                if (parts[l].Profiles.PartOf(candidate) is { } profile)
                    list.Add(new(profile, [.. deletedRows[l].Where(r => r.Persons.Contains(candidate, StringComparer.Ordinal))]));
            if (list.Count > 0) sources[candidate] = list;
            else sources.Remove(candidate);
        }
        _sources = sources;
        // A candidate's profile is the last reader's while its sources stay the same, else summed once, on first use.
        var profiles = new Dictionary<string, SurnameEvidence.Profile>(StringComparer.Ordinal);
        foreach (var (candidate, profile) in lastProfiles)
            if (!changed.Contains(candidate)) profiles[candidate] = profile;
        SurnameEvidence.Profile Profile(string candidate)
        {
            if (!profiles.TryGetValue(candidate, out var profile)) profiles[candidate] = profile = ProfileOf(candidate);
            return profile;
        }
        var evidence = SurnameEvidence.Lazy(Registry, Profile);
        var shifts = new Dictionary<string, SegmentEvidence.Shift>(StringComparer.Ordinal);
        SegmentEvidence.Shift ShiftOf(string candidate)
        {
            if (!shifts.TryGetValue(candidate, out var shift))
                shifts[candidate] = shift = SegmentEvidence.Shift.Between(lastProfiles.GetValueOrDefault(candidate)
                    ?? (lastSources.TryGetValue(candidate, out var was) ? SegmentEvidence.Source.Sum(was, candidate) : null), Profile(candidate));
            return shift;
        }
        // A resolution reads a candidate's profile only for its years and the persons its article names: the ambiguous
        // forms with a candidate whose profile changed, with those changes, are the ones whose articles may move.
        var moving = new Dictionary<string, List<SegmentEvidence.Shift>>(StringComparer.Ordinal);
        if (changed.Count > 0)
            foreach (var form in context.Ambiguous)
                foreach (var candidate in Registry.CandidatesOf(form))
                    if (changed.Contains(candidate.Name) && ShiftOf(candidate.Name) is { } shift && (shift.Years || shift.Persons.Count > 0))
                        (moving.TryGetValue(form, out var list) ? list : moving[form] = []).Add(shift);
        bool Moves(SegmentEvidence.Row row) => row.Ambiguous.Any(a => moving.TryGetValue(a.Form, out var its)
            && its.Any(shift => shift.Years || row.Persons.Any(shift.Persons.Contains)));
        _resolved = new SegmentEvidence.Resolution[_leaves.Count];
        for (var l = 0; l < _leaves.Count; l++)
        {
            var segment = _leaves[l].AtomicReader;
            if (!follows[l])
            {
                _resolved[l] = SegmentEvidence.Resolution.Of(segment, parts[l].Rows, evidence);
                continue;
            }
            var was = before[segment.CoreCacheKey];
            var redo = new SortedSet<int>(parts[l].ChangedSince(was.Part));
            if (moving.Count > 0)
                foreach (var doc in SegmentEvidence.For(segment).DocsHolding(segment, moving.Keys))
                    if (parts[l].RowOf(doc) is { } row && Moves(row)) redo.Add(doc);
            _resolved[l] = redo.Count == 0 ? was.Resolution : was.Resolution.Update(segment, parts[l], redo, evidence);
        }
        lineage.Evidence = (_leaves.Select((leaf, l) => (leaf, l)).ToDictionary(x => x.leaf.AtomicReader.CoreCacheKey,
            x => new Lineage.EvidenceLeaf(parts[x.l], x.leaf.AtomicReader.NumDeletedDocs, deletedRows[x.l], _resolved[x.l]), ReferenceEqualityComparer.Instance), sources, profiles);
    }

    private static readonly string[] EntityFields = [SummitSchema.Person, SummitSchema.Speaker];

    /// <summary>
    /// What one segment core holds for the evidence, kept as long as the core lives and carried to the next registry by
    /// what changed: the articles naming a candidate or an ambiguous form (read through the person and speaker terms of
    /// those forms), their part of the candidates' profiles, and how their ambiguous forms resolve. Persons are held by
    /// canonical name.
    /// </summary>
    internal sealed class SegmentEvidence
    {
        private static readonly ConditionalWeakTable<object, SegmentEvidence> Cache = new();

        private readonly object _lock = new();
        // Segment-local: form → documents naming it (any kind, deleted ones too).
        private readonly Dictionary<string, int[]> _docsOf = new(StringComparer.Ordinal);
        private Part? _part;

        public static SegmentEvidence For(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => new SegmentEvidence());

        /// <summary>What a registry's evidence asks of every segment: its ambiguous forms, its candidates and their forms.</summary>
        public sealed class Context
        {
            // The context this one was made from (weakly: no chain of old registries), and the forms that may count
            // differently here than there.
            private readonly WeakReference<Context>? _previous;
            private readonly IReadOnlySet<string>? _changes;

            /// <param name="previous">The last context of the index: its sets are taken when none of the forms the registry
            /// changed since is wanted there or ambiguous now, so that they are the same.</param>
            public Context(EntityRegistry registry, Context? previous = null)
            {
                Registry = registry;
                var changed = previous is null ? null : registry.ChangedForms(previous.Registry);
                if (previous is not null) _previous = new WeakReference<Context>(previous);
                if (previous is not null && !changed!.Any(f => previous.WantedSet.Contains(f) || registry.CandidatesOf(f).Count > 0))
                {
                    (Ambiguous, WantedSet, CandidateSet) = (previous.Ambiguous, previous.WantedSet, previous.CandidateSet);
                    _changes = changed;
                    return;
                }
                Ambiguous = registry.AmbiguousForms.ToHashSet(StringComparer.Ordinal);
                var persons = Ambiguous.SelectMany(registry.CandidatesOf).Distinct().ToList();
                CandidateSet = persons.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                WantedSet = persons.SelectMany(registry.FormsOf).Concat(Ambiguous).ToHashSet(StringComparer.Ordinal);
                if (previous is null) return;
                // A form whose link is the same may still be wanted by one and not the other: one of a person who became
                // or stopped being a candidate. (A form that became or stopped being ambiguous changed its link.)
                var changes = new HashSet<string>(changed!, StringComparer.Ordinal);
                changes.UnionWith(WantedSet.Where(f => !previous.WantedSet.Contains(f)));
                changes.UnionWith(previous.WantedSet.Where(f => !WantedSet.Contains(f)));
                _changes = changes;
                NewCandidates = CandidateSet.Where(c => !previous.CandidateSet.Contains(c)).ToHashSet(StringComparer.Ordinal);
                CandidatesChanged = NewCandidates.Count > 0 || CandidateSet.Count != previous.CandidateSet.Count;
            }

            public EntityRegistry Registry { get; }
            public HashSet<string> Ambiguous { get; }
            public HashSet<string> WantedSet { get; }
            /// <summary>The candidates' canonical names.</summary>
            public HashSet<string> CandidateSet { get; }
            /// <summary>The candidates the context this one was made from did not have.</summary>
            public IReadOnlySet<string> NewCandidates { get; } = new HashSet<string>();
            /// <summary>Whether the candidates differ from those of the context this one was made from.</summary>
            public bool CandidatesChanged { get; }

            /// <summary>The forms that may link differently here than in <paramref name="other"/>, or be wanted by one of
            /// the two only, when this context was made from it; else null. An article holding none of them has the same
            /// row under both.</summary>
            public IReadOnlySet<string>? ChangesSince(Context other) =>
                _previous is not null && _previous.TryGetTarget(out var from) && ReferenceEquals(from, other) ? _changes : null;

            /// <summary>The canonical name of the person the registry resolves a form to; null for none.</summary>
            public string? PersonOf(string form) => Registry.ResolvePerson(form)?.Name;
        }

        /// <summary>An article naming a wanted form: its year, the canonical names of the persons the registry resolves
        /// among its forms, and its ambiguous forms (field index in <see cref="EntityFields"/>, form).</summary>
        public sealed record Row(int Doc, int? Year, string[] Persons, (int Field, string Form)[] Ambiguous)
        {
            public bool SameAs(Row other) => Doc == other.Doc && Year == other.Year && Persons.AsSpan().SequenceEqual(other.Persons)
                && Ambiguous.AsSpan().SequenceEqual(other.Ambiguous);
        }

        /// <summary>The segment's rows (by document) and their part of the profiles for one context.</summary>
        public sealed class Part
        {
            // The part this one was made from, weakly, with the documents whose rows differ from its.
            private readonly WeakReference<Part>? _from;
            private readonly int[] _changedDocs;

            public Part(Context context, List<Row> rows, SurnameEvidence.Builder profiles, string[] named,
                Part? from = null, int[]? changedDocs = null, IReadOnlySet<string>? touched = null)
            {
                (Context, Rows, Profiles, Named) = (context, rows, profiles, named);
                (_from, _changedDocs, Touched) = (from is null ? null : new(from), changedDocs ?? [], touched ?? new HashSet<string>());
            }

            /// <summary>The last context it was found to hold for.</summary>
            public Context Context { get; set; }
            public List<Row> Rows { get; }
            public SurnameEvidence.Builder Profiles { get; }

            /// <summary>The candidates the rows name.</summary>
            public string[] Named { get; }

            /// <summary>The candidates whose part of the profiles differs from the part this one was made from.</summary>
            public IReadOnlySet<string> Touched { get; }

            public bool IsUpdateOf(Part other) => _from is not null && _from.TryGetTarget(out var from) && ReferenceEquals(from, other);

            /// <summary>The documents whose rows differ from <paramref name="other"/>'s (added, dropped or changed): none for
            /// itself, those it read anew for the part it was made from.</summary>
            public IEnumerable<int> ChangedSince(Part other) => ReferenceEquals(other, this) ? [] : _changedDocs;

            /// <summary>The row of document <paramref name="doc"/>; null when it names no wanted form.</summary>
            public Row? RowOf(int doc)
            {
                int lo = 0, hi = Rows.Count - 1;
                while (lo <= hi)
                {
                    var mid = (lo + hi) >>> 1;
                    if (Rows[mid].Doc == doc) return Rows[mid];
                    if (Rows[mid].Doc < doc) lo = mid + 1;
                    else hi = mid - 1;
                }
                return null;
            }
        }

        /// <summary>A part's profile of a candidate, with its deleted articles naming the candidate.</summary>
        public sealed record Source(SurnameEvidence.Profile Profile, Row[] Deleted)
        {
            /// <summary>A candidate's frozen profile over the archive: its parts less their deleted articles.</summary>
            public static SurnameEvidence.Profile Sum(IReadOnlyList<Source>? sources, string candidate)
            {
                var profile = new SurnameEvidence.Profile();
                foreach (var source in sources ?? [])
                {
                    profile.Add(source.Profile);
                    foreach (var row in source.Deleted) profile.AddArticle(row.Persons, candidate, row.Year, -1);
                }
                profile.Freeze();
                return profile;
            }
        }

        /// <summary>How a candidate's profile changed from one reader to the next: the co-named persons whose counts
        /// differ, and whether the span of its years does. Only articles naming one of those persons, or all when the
        /// span moved, may resolve differently.</summary>
        public sealed record Shift(IReadOnlySet<string> Persons, bool Years)
        {
            public static Shift Between(SurnameEvidence.Profile? before, SurnameEvidence.Profile after)
            {
                if (before is null) return new(new HashSet<string>(), true);
                var persons = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (person, count) in after.CoMentions)
                    if (before.CoMentions.GetValueOrDefault(person) != count) persons.Add(person);
                foreach (var person in before.CoMentions.Keys)
                    if (!after.CoMentions.ContainsKey(person)) persons.Add(person);
                return new(persons, before.FirstYear != after.FirstYear || before.LastYear != after.LastYear);
            }
        }

        /// <summary>The segment's documents (articles and their quotes, segment-local ids) whose ambiguous forms resolved,
        /// with each form's person, and per field and person those documents in order.</summary>
        public sealed class Resolution
        {
            // The resolution this one was updated from, weakly, with the documents whose entries differ from its.
            private readonly WeakReference<Resolution>? _from;
            private readonly HashSet<int> _changed = [];

            private Resolution(Resolution? from = null)
            {
                if (from is null) return;
                _from = new(from);
                Docs = new(from.Docs);
                DocsOf = new(from.DocsOf);
            }

            public Dictionary<int, Dictionary<string, string>> Docs { get; } = [];
            public Dictionary<(string Field, string Name), List<int>> DocsOf { get; } = [];

            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, int>> _ids = new(StringComparer.Ordinal);

            /// <summary>The facet ids (in <paramref name="values"/>, the field's ids of the index) of the persons it resolved
            /// forms of <paramref name="field"/> to, numbered on first use: once per resolution, which later readers keep
            /// while it holds.</summary>
            internal IReadOnlyDictionary<string, int> IdsOf(string field, FacetSpace.Values values) =>
                _ids.GetOrAdd(field, f => DocsOf.Keys.Where(k => k.Field == f).ToDictionary(k => k.Name, k => values.Id(k.Name), StringComparer.Ordinal));

            /// <summary>The documents whose entries may differ from <paramref name="other"/>'s: none for itself, those it
            /// resolved again for the one it was updated from; null for any other.</summary>
            internal IEnumerable<int>? ChangedSince(Resolution other) =>
                ReferenceEquals(other, this) ? [] : _from is not null && _from.TryGetTarget(out var from) && ReferenceEquals(from, other) ? _changed : null;

            public static Resolution Of(AtomicReader segment, List<Row> rows, SurnameEvidence evidence)
            {
                var result = new Resolution();
                var quotes = KindFilter.BitsOf(SummitSchema.KindQuote, segment);
                var forms = SegmentCounts.For(segment, EntityFields);
                var written = new HashSet<(string, string)>();
                foreach (var row in rows.Where(r => r.Ambiguous.Length > 0)) result.Resolve(segment, row, evidence, quotes, forms, written);
                result.Settle(written);
                return result;
            }

            /// <summary>This resolution with the articles <paramref name="redo"/> resolved again from their rows in
            /// <paramref name="part"/> (an article without a row there loses its entries); the rest is shared.</summary>
            public Resolution Update(AtomicReader segment, Part part, IEnumerable<int> redo, SurnameEvidence evidence)
            {
                var result = new Resolution(this);
                var quotes = KindFilter.BitsOf(SummitSchema.KindQuote, segment);
                var forms = SegmentCounts.For(segment, EntityFields);
                var written = new HashSet<(string, string)>();
                foreach (var article in redo)
                {
                    foreach (var doc in Block(segment, article, quotes))
                    {
                        if (!result.Docs.Remove(doc, out var names)) continue;
                        result._changed.Add(doc);
                        foreach (var name in names.Values.Distinct(StringComparer.Ordinal))
                            foreach (var field in EntityFields)
                                if (result.DocsOf.TryGetValue((field, name), out var docs) && docs.BinarySearch(doc) is var at && at >= 0)
                                    result.Writable(field, name, written).RemoveAt(at);
                    }
                    if (part.RowOf(article) is { Ambiguous.Length: > 0 } row)
                        foreach (var doc in result.Resolve(segment, row, evidence, quotes, forms, written)) result._changed.Add(doc);
                }
                result.Settle(written);
                return result;
            }

            /// <summary>Puts the lists of documents written in order (filters set a segment's documents in order) and drops
            /// the emptied ones.</summary>
            private void Settle(HashSet<(string Field, string Name)> written)
            {
                foreach (var key in written)
                {
                    if (DocsOf[key] is { Count: 0 }) DocsOf.Remove(key);
                    else DocsOf[key].Sort();
                }
            }

            /// <summary>An article and its quote documents, which follow it in one block (see QuoteSearch.ArticleDocOf):
            /// their speaker and nearby persons are the article's forms and resolve as there.</summary>
            private static IEnumerable<int> Block(AtomicReader segment, int article, FixedBitSet? quotes)
            {
                yield return article;
                for (var quote = article + 1; quotes is not null && quote < segment.MaxDoc && quotes.Get(quote); quote++) yield return quote;
            }

            /// <summary>Resolves a row's ambiguous forms and enters its article and quotes; the documents entered.</summary>
            private List<int> Resolve(AtomicReader segment, Row row, SurnameEvidence evidence, FixedBitSet? quotes, SegmentCounts forms,
                HashSet<(string, string)> written)
            {
                var entered = new List<int>();
                var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (_, form) in row.Ambiguous)
                    if (evidence.Resolve(form, row.Persons, row.Year) is { } entity)
                        resolved[form] = entity.Name;
                if (resolved.Count == 0) return entered;
                foreach (var doc in Block(segment, row.Doc, quotes))
                {
                    Docs[doc] = resolved;
                    entered.Add(doc);
                    // The article's ambiguous forms are its row's; a quote's are among its own values.
                    IEnumerable<(int Field, string Form)> values = doc == row.Doc ? row.Ambiguous : forms.ValuesOf(doc);
                    foreach (var (field, form) in values)
                    {
                        if (!resolved.TryGetValue(form, out var name)) continue;
                        var docs = Writable(EntityFields[field], name, written);
                        if (docs.Count == 0 || docs[^1] != doc) docs.Add(doc);
                    }
                }
                return entered;
            }

            /// <summary>The documents of one field and person as this resolution's own list (copied from the one it was
            /// updated from on first write, <paramref name="written"/> naming those already its own).</summary>
            private List<int> Writable(string field, string name, HashSet<(string, string)> written)
            {
                if (written.Add((field, name))) DocsOf[(field, name)] = DocsOf.TryGetValue((field, name), out var shared) ? [.. shared] : [];
                return DocsOf[(field, name)];
            }
        }

        /// <summary>The segment's part for <paramref name="context"/>: the one kept when it still holds; else, when the kept
        /// one was made for the context this one was made from, that part with the articles holding a changed form read
        /// anew; else one made from all its articles naming a wanted form.</summary>
        public Part PartFor(AtomicReader segment, Context context)
        {
            lock (_lock)
            {
                if (_part is { } kept)
                {
                    if (ReferenceEquals(kept.Context, context)) return kept;
                    if (context.ChangesSince(kept.Context) is { } changes) return _part = Update(segment, kept, context, changes);
                }
                var forms = SegmentCounts.For(segment, EntityFields);
                // A small (new) segment looks its own forms up in the wanted ones rather than every wanted form in its terms.
                var wanted = forms.Values.Count < context.WantedSet.Count ? forms.Values.Where(context.WantedSet.Contains) : context.WantedSet;
                var rows = new List<Row>();
                var profiles = new SurnameEvidence.Builder(context.Registry, context.CandidateSet);
                var reader = new RowReader(segment, context, forms);
                foreach (var doc in DocsOf(segment, wanted))
                    if (reader.Read(doc) is { } row)
                    {
                        rows.Add(row);
                        profiles.Add(row.Persons, row.Year);
                    }
                return _part = new Part(context, rows, profiles, [.. profiles.Named]);
            }
        }

        /// <summary>
        /// <paramref name="kept"/> carried to <paramref name="context"/>: only articles holding one of the
        /// <paramref name="changes"/> may have another row, so only they are read again; their old rows are taken out of
        /// the profiles and their new ones put in, and a candidate new to the context gets a profile from them (every
        /// article naming it holds one of its forms, which are newly wanted). The part itself is kept when no row changed
        /// and no candidate came or went.
        /// </summary>
        private Part Update(AtomicReader segment, Part kept, Context context, IReadOnlySet<string> changes)
        {
            var forms = SegmentCounts.For(segment, EntityFields);
            var reader = new RowReader(segment, context, forms);
            var changedRows = new List<(Row? Old, Row? Now)>();
            var reread = new List<Row>();
            foreach (var doc in DocsOf(segment, changes.Count < forms.Values.Count ? changes : forms.Values.Where(changes.Contains)))
            {
                var (old, now) = (kept.RowOf(doc), reader.Read(doc));
                if (now is not null) reread.Add(now);
                if (old is null && now is null || old is not null && now is not null && old.SameAs(now)) continue;
                changedRows.Add((old, now));
            }
            // (The kept part's context is the one this context was made from, so the candidates changed since that one.)
            if (changedRows.Count == 0 && !context.CandidatesChanged)
            {
                kept.Context = context;
                return kept;
            }
            var profiles = kept.Profiles.Derive(context.Registry, context.CandidateSet, context.NewCandidates);
            foreach (var (old, now) in changedRows)
            {
                if (old is not null) profiles.Add(old.Persons, old.Year, -1);
                if (now is not null) profiles.Add(now.Persons, now.Year);
            }
            foreach (var row in reread) profiles.AddToNew(row.Persons, row.Year);
            // The rows, in document order: the kept ones but for the changed documents, whose new rows take their place.
            var changedDocs = changedRows.Select(c => (c.Old ?? c.Now)!.Doc).ToHashSet();
            var rows = new List<Row>(kept.Rows.Count + changedRows.Count);
            var added = changedRows.Where(c => c.Now is not null).Select(c => c.Now!).OrderBy(r => r.Doc).ToList();
            var a = 0;
            foreach (var row in kept.Rows)
            {
                for (; a < added.Count && added[a].Doc < row.Doc; a++) rows.Add(added[a]);
                if (!changedDocs.Contains(row.Doc)) rows.Add(row);
            }
            rows.AddRange(added.Skip(a));
            var touched = new HashSet<string>(profiles.Written, StringComparer.Ordinal);
            touched.UnionWith(kept.Named.Where(c => !context.CandidateSet.Contains(c)));
            var named = kept.Named.Where(c => context.CandidateSet.Contains(c) && !touched.Contains(c)).Concat(touched.Where(profiles.Names));
            return new Part(context, rows, profiles, [.. named], kept, [.. changedDocs.Order()], touched);
        }

        /// <summary>Reads the row of an article for one context, each form's person looked up once.</summary>
        private sealed class RowReader(AtomicReader segment, Context context, SegmentCounts forms)
        {
            private readonly FixedBitSet? _articles = KindFilter.BitsOf(SummitSchema.KindArticle, segment);
            private readonly NumericColumn? _dates = NumericColumn.For(segment, SummitSchema.Date);
            private readonly Dictionary<string, string?> _persons = new(StringComparer.Ordinal);
            private readonly List<string> _named = [];

            /// <summary>The document's row; null when it is no article or names no wanted form.</summary>
            public Row? Read(int doc)
            {
                if (_articles is null || !_articles.Get(doc)) return null;
                var values = forms.ValuesOf(doc);
                if (!values.Any(v => context.WantedSet.Contains(v.Value))) return null;
                _named.Clear();
                foreach (var (_, form) in values)
                {
                    if (!_persons.TryGetValue(form, out var person)) _persons[form] = person = context.PersonOf(form);
                    if (person is not null && !_named.Contains(person)) _named.Add(person);
                }
                var year = SurnameEvidence.YearOf(_dates?.Get(doc) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
                return new Row(doc, year, [.. _named], [.. values.Where(v => context.Ambiguous.Contains(v.Value))]);
            }
        }

        /// <summary>The distinct documents of the segment holding any of <paramref name="forms"/> as a person or speaker
        /// (any kind, deleted ones too), ascending.</summary>
        public List<int> DocsHolding(AtomicReader segment, IEnumerable<string> forms)
        {
            lock (_lock) return DocsOf(segment, forms);
        }

        /// <summary>The distinct documents holding any of <paramref name="forms"/> as a person or speaker, ascending.</summary>
        private List<int> DocsOf(AtomicReader segment, IEnumerable<string> forms)
        {
            var docs = new List<int>();
            foreach (var form in forms) docs.AddRange(DocsOf(segment, form));
            docs.Sort();
            var distinct = 0;
            for (var i = 0; i < docs.Count; i++)
                if (i == 0 || docs[i] != docs[i - 1]) docs[distinct++] = docs[i];
            docs.RemoveRange(distinct, docs.Count - distinct);
            return docs;
        }

        /// <summary>The documents holding <paramref name="form"/> as a person or speaker, ascending per field (a document
        /// may come twice).</summary>
        private int[] DocsOf(AtomicReader segment, string form)
        {
            if (_docsOf.TryGetValue(form, out var known)) return known;
            var docs = new List<int>();
            var term = new BytesRef(form);
            DocsEnum? postings = null;
            foreach (var field in EntityFields)
            {
                if (segment.GetTerms(field)?.GetEnumerator() is not { } terms || !terms.SeekExact(term)) continue;
                postings = terms.Docs(null, postings, DocsFlags.NONE);
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) docs.Add(doc);
            }
            return _docsOf[form] = [.. docs];
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

    /// <summary>
    /// The article counts of one segment core, deleted articles included, kept as long as the core lives. A refresh
    /// reuses the cores of the segments it did not write, also when it deleted some of their articles (an article
    /// replaced or removed), so it counts only the new segments' articles and subtracts only the deleted ones.
    /// </summary>
    private sealed class SegmentCounts
    {
        private static readonly ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SegmentCounts>>> Cache = new();

        private readonly List<string> _values = [];
        // Per field with doc values in the segment: its index in the field names, the doc ordinals and segment ordinal → value id.
        private readonly List<(int Field, FacetDocOrdinals Ords, int[] IdOf)> _fields = [];
        private readonly FixedBitSet? _articles;
        private readonly int[] _all;

        private SegmentCounts(AtomicReader segment, string[] fieldNames)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var f = 0; f < fieldNames.Length; f++)
                if (FacetDocOrdinals.For(segment, fieldNames[f]) is { } ords && segment.GetSortedSetDocValues(fieldNames[f]) is { } docValues)
                    _fields.Add((f, ords, ValueIds(docValues, ids, _values)));
            _articles = KindFilter.BitsOf(SummitSchema.KindArticle, segment);
            _all = new int[_values.Count];
            if (_fields.Count == 0 || _articles is null) return;
            var seen = new List<int>();
            foreach (var doc in KindFilter.Docs(_articles))
                foreach (var id in DistinctIds(doc, seen)) _all[id]++;
        }

        /// <summary>The segment's distinct values of the fields.</summary>
        public IReadOnlyList<string> Values => _values;

        public static SegmentCounts For(AtomicReader segment, string[] fieldNames) =>
            Cache.GetValue(segment.CoreCacheKey, _ => new(StringComparer.Ordinal))
                .GetOrAdd(string.Join('\n', fieldNames), _ => new Lazy<SegmentCounts>(() => new SegmentCounts(segment, fieldNames))).Value;

        /// <summary>Adds each value's count of live articles, times <paramref name="sign"/>, to <paramref name="counts"/>
        /// (a value all of whose articles were deleted adds 0).</summary>
        public void AddTo(Dictionary<string, int> counts, IBits? liveDocs, int sign)
        {
            for (var id = 0; id < _all.Length; id++)
                if (_all[id] > 0) counts[_values[id]] = counts.GetValueOrDefault(_values[id]) + sign * _all[id];
            if (liveDocs is null || _articles is null) return;
            var seen = new List<int>();
            for (var doc = 0; doc < _articles.Length; doc++)
                if (!liveDocs.Get(doc) && _articles.Get(doc))
                    foreach (var id in DistinctIds(doc, seen)) counts[_values[id]] -= sign;
        }

        /// <summary>Adds to <paramref name="counts"/> what the articles live under one set of deletions and not under the
        /// other take away (or give back): a bit test per document of the segment, and a value lookup per changed article.</summary>
        public void AddDeletionChanges(Dictionary<string, int> counts, IBits? before, IBits? after)
        {
            if (_articles is null) return;
            var seen = new List<int>();
            foreach (var doc in KindFilter.Docs(_articles))
            {
                var (was, now) = (before?.Get(doc) ?? true, after?.Get(doc) ?? true);
                if (was == now) continue;
                foreach (var id in DistinctIds(doc, seen)) counts[_values[id]] = counts.GetValueOrDefault(_values[id]) + (now ? 1 : -1);
            }
        }

        /// <summary>A document's values with the index of their field in the field names, in ordinal order per field (a
        /// value in two fields comes once per field).</summary>
        public List<(int Field, string Value)> ValuesOf(int doc)
        {
            var values = new List<(int Field, string Value)>();
            foreach (var (field, ords, idOf) in _fields)
                foreach (var ord in ords.Of(doc)) values.Add((field, _values[idOf[ord]]));
            return values;
        }

        /// <summary>The value ids of a document, each once: an article counts a value once, whether it names it as a
        /// person, a speaker or both.</summary>
        private List<int> DistinctIds(int doc, List<int> ids)
        {
            ids.Clear();
            foreach (var (_, ords, idOf) in _fields)
                foreach (var ord in ords.Of(doc))
                    if (!ids.Contains(idOf[ord])) ids.Add(idOf[ord]);
            return ids;
        }
    }
}
