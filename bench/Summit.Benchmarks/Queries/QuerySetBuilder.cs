using System.Text.RegularExpressions;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Summit.Engine.Index;

namespace Summit.Benchmarks.Queries;

/// <summary>
/// Draws a fixed, seeded query set from the index itself: document frequencies of the unstemmed body field give
/// high/medium/low terms; stored bodies give co-occurring word pairs and real phrases; facet doc values give the
/// most used countries and persons; stored quotes give quote-search words.
/// </summary>
public static partial class QuerySetBuilder
{
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[a-z]{4,}$")]
    private static partial Regex PlainWord();

    public static IReadOnlyList<BenchQuery> Build(string indexPath, int perClass, int seed)
    {
        var random = new Random(seed);
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var articles = Math.Max(1, reader.NumDocs);

        var docFreq = ReadDocFreqs(reader, SummitSchema.BodyExact);
        var byFreq = docFreq.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        List<string> Band(double minShare, double maxShare, int minDf) => byFreq
            .Where(p => p.Value >= Math.Max(minDf, minShare * articles) && p.Value <= Math.Max(minDf, maxShare * articles))
            .Select(p => p.Key).ToList();

        var high = Band(0.05, 1.0, 2);
        var medium = Band(0.002, 0.02, 2);
        var low = Band(0, 0.0005, 3).Where(t => docFreq[t] <= Math.Max(10, articles * 0.0005)).ToList();
        if (high.Count == 0) high = byFreq.Take(50).Select(p => p.Key).ToList();

        var bodies = SampleStored(reader, SummitSchema.Body, SummitSchema.KindArticle, 400, random);
        var quotes = SampleStored(reader, SummitSchema.QuoteText, SummitSchema.KindQuote, 400, random);
        var countries = TopFacetValues(reader, SummitSchema.Country, 15);
        var persons = TopFacetValues(reader, SummitSchema.Person, 30);
        var mediumSet = medium.ToHashSet(StringComparer.Ordinal);
        var pairSet = docFreq.Where(p => p.Value >= 0.002 * articles && p.Value <= 0.2 * articles).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var queries = new List<BenchQuery>();
        void Add(string cls, Func<BenchQuery?> make)
        {
            for (int made = 0, attempts = 0; made < perClass && attempts < perClass * 50; attempts++)
            {
                if (make() is { } q && !queries.Contains(q, QueryComparer.Instance)) { queries.Add(q); made++; }
            }
        }
        string Pick(List<string> list) => list[random.Next(list.Count)];

        Add(QueryClasses.HighTerm, () => new BenchQuery(QueryClasses.HighTerm, [Pick(high)]));
        Add(QueryClasses.MediumTerm, () => medium.Count == 0 ? null : new BenchQuery(QueryClasses.MediumTerm, [Pick(medium)]));
        Add(QueryClasses.LowTerm, () => low.Count == 0 ? null : new BenchQuery(QueryClasses.LowTerm, [Pick(low)]));
        Add(QueryClasses.TwoWordAnd, () =>
        {
            var words = Words(bodies[random.Next(bodies.Count)]).Where(pairSet.Contains).Distinct().ToList();
            if (words.Count < 2) return null;
            var a = words[random.Next(words.Count)];
            var b = words[random.Next(words.Count)];
            return a == b ? null : new BenchQuery(QueryClasses.TwoWordAnd, [a, b]);
        });
        Add(QueryClasses.Phrase, () =>
        {
            var words = Words(bodies[random.Next(bodies.Count)]).ToList();
            if (words.Count < 3) return null;
            var i = random.Next(words.Count - 1);
            return IsContent(words[i]) && IsContent(words[i + 1])
                ? new BenchQuery(QueryClasses.Phrase, [words[i], words[i + 1]], Phrase: true)
                : null;
        });
        Add(QueryClasses.CountryFilter, () => countries.Count == 0 || medium.Count == 0 ? null
            : new BenchQuery(QueryClasses.CountryFilter, [Pick(medium.Take(medium.Count / 2 + 1).ToList())], Country: Pick(countries)));
        Add(QueryClasses.PersonFacet, () => persons.Count == 0 ? null
            : new BenchQuery(QueryClasses.PersonFacet, [Pick(high)], Person: Pick(persons)));
        Add(QueryClasses.DateSort, () => medium.Count == 0 ? null : new BenchQuery(QueryClasses.DateSort, [Pick(medium)], SortByDate: true));
        Add(QueryClasses.Typo, () =>
        {
            if (medium.Count == 0) return null;
            var typo = MakeTypo(Pick(medium.Where(t => t.Length >= 6).DefaultIfEmpty(medium[0]).ToList()), random);
            return docFreq.ContainsKey(typo) ? null : new BenchQuery(QueryClasses.Typo, [typo]);
        });
        Add(QueryClasses.Quote, () =>
        {
            if (quotes.Count == 0) return null;
            var words = Words(quotes[random.Next(quotes.Count)]).Where(w => mediumSet.Contains(w) || pairSet.Contains(w)).ToList();
            return words.Count == 0 ? null : new BenchQuery(QueryClasses.Quote, [words[random.Next(words.Count)]], Quotes: true);
        });
        return queries;
    }

    private static bool IsContent(string word) => word.Length >= 3 && !EnglishAnalyzer.DefaultStopSet.Contains(word);

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>Swaps two inner letters (a common typing slip), e.g. "market" → "mrket"-like variants.</summary>
    private static string MakeTypo(string word, Random random)
    {
        var chars = word.ToCharArray();
        var i = 1 + random.Next(Math.Max(1, chars.Length - 3));
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    private static Dictionary<string, int> ReadDocFreqs(IndexReader reader, string field)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return result;
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            var text = iterator.Term.Utf8ToString();
            if (!PlainWord().IsMatch(text) || EnglishAnalyzer.DefaultStopSet.Contains(text)) continue;
            result[text] = iterator.DocFreq;
        }
        return result;
    }

    /// <summary>
    /// About <paramref name="count"/> stored texts of documents of one kind, chosen by their id: a document's number
    /// depends on how the indexing threads interleaved, so choosing by number drew another query set from every
    /// build of the same corpus, and runs could not be compared. Ids pass a seeded hash cut, in id order, and are
    /// then shuffled by the seed.
    /// </summary>
    private static List<string> SampleStored(IndexReader reader, string field, string kind, int count, Random random)
    {
        var result = new List<string>();
        if (MultiFields.GetTerms(reader, SummitSchema.Id) is not { } ids) return result;
        var salt = (ulong)random.NextInt64();
        // Four times the texts wanted, of all documents (quotes have ids too): enough after the kind and empty texts are dropped.
        var share = Math.Min(1.0, 4.0 * count / Math.Max(1, reader.MaxDoc));
        var chosen = new List<(ulong Hash, string Id)>();
        var terms = ids.GetEnumerator();
        while (terms.MoveNext())
        {
            var id = terms.Term.Utf8ToString();
            var hash = StableHash(id, salt);
            if (hash < share * ulong.MaxValue) chosen.Add((hash, id));
        }
        var liveDocs = MultiFields.GetLiveDocs(reader);
        foreach (var (_, id) in chosen.OrderBy(c => c.Hash).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (result.Count == count) break;
            var postings = MultiFields.GetTermDocsEnum(reader, liveDocs, SummitSchema.Id, new BytesRef(id));
            if (postings is null || postings.NextDoc() == Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) continue;
            var doc = reader.Document(postings.DocID);
            if (doc.Get(SummitSchema.Kind) != kind) continue;
            if (doc.Get(field) is { Length: > 0 } text) result.Add(text);
        }
        return result;
    }

    /// <summary>FNV-1a over the id's characters, mixed with a salt: the same on every run and machine (string hash
    /// codes are randomised per process).</summary>
    private static ulong StableHash(string text, ulong salt)
    {
        var hash = 14695981039346656037UL ^ salt;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        // FNV's low bits mix poorly; a final avalanche spreads them over the whole range.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>The most frequent values of a facet field, counted over all documents.</summary>
    public static List<string> TopFacetValues(IndexReader reader, string field, int count)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetSortedSetDocValues(field);
            if (values is null) continue;
            var perOrd = new int[values.ValueCount];
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) perOrd[ord]++;
            }
            var term = new BytesRef();
            for (var ord = 0; ord < perOrd.Length; ord++)
            {
                if (perOrd[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                counts[key] = counts.GetValueOrDefault(key) + perOrd[ord];
            }
        }
        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => p.Key).ToList();
    }

    private sealed class QueryComparer : IEqualityComparer<BenchQuery>
    {
        public static readonly QueryComparer Instance = new();
        public bool Equals(BenchQuery? x, BenchQuery? y) => x?.ToString() == y?.ToString();
        public int GetHashCode(BenchQuery obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
    }
}
