using System.Text.Json;
using System.Text.Json.Serialization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;

namespace Summit.Engine.Index;

/// <summary>Turns an article and its facts into Lucene documents: one article document and one per quote.</summary>
public static class ArticleDocuments
{
    /// <summary>Stemmed text: stored, with positions and offsets in the postings for phrase search and highlighting.</summary>
    public static readonly FieldType StoredTextWithOffsets = CreateTextType(stored: true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    /// <summary><see cref="StoredTextWithOffsets"/> indexed from its words (<see cref="AnalyzedText"/>), which a field
    /// cannot store: the text is stored by a <see cref="StoredField"/> of the same name.</summary>
    private static readonly FieldType TextWithOffsets = CreateTextType(stored: false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    /// <summary>Unstemmed twin: not stored (the stemmed field holds the text), with positions for exact phrases but no
    /// offsets, which only a highlighter of the field's own stored text could use.</summary>
    public static readonly FieldType ExactText = CreateTextType(stored: false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    /// <summary>
    /// A stemmed text field, stored, and its exact twin, both indexed from the text's words split once
    /// (<see cref="SummitSchema.CreateIndexAnalyzer"/>).
    /// </summary>
    private static void AddText(Document doc, string field, string text, AnalyzedText words)
    {
        doc.Add(new StoredField(field, text));
        doc.Add(new Field(field, words, TextWithOffsets));
        doc.Add(new Field(SummitSchema.ExactTwin(field)!, words, ExactText));
    }

    private static FieldType CreateTextType(bool stored, IndexOptions options)
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            IsStored = stored,
            IndexOptions = options,
        };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// One stored term per value, as a <see cref="StringField"/> indexes it, but through the writer's analyzer
    /// (<c>KeywordAnalyzer</c> for <see cref="SummitSchema.KeywordFields"/>), which reuses one token stream per
    /// field and thread. A StringField makes a new token stream for every value, and Lucene.Net creates its attributes
    /// under one process-wide lock: with an indexing thread per core, waiting on that lock was a sixth of indexing CPU.
    /// The terms, postings and stored values are the same.
    /// </summary>
    private static readonly FieldType KeywordType = CreateKeywordType();

    private static FieldType CreateKeywordType()
    {
        var type = new FieldType(StringField.TYPE_STORED) { IsTokenized = true };
        type.Freeze();
        return type;
    }

    /// <summary>A stored one-term field of <see cref="SummitSchema.KeywordFields"/>.</summary>
    internal static Field Keyword(string field, string value)
    {
        System.Diagnostics.Debug.Assert(SummitSchema.KeywordFields.Contains(field), $"{field} is not analysed as a keyword");
        return new Field(field, value, KeywordType);
    }

    /// <summary>How <see cref="SummitSchema.FactsJson"/> is serialised; readers deserialise with the same options.</summary>
    public static readonly JsonSerializerOptions FactsJsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The article document followed by its quote documents, ready for
    /// <c>UpdateDocuments(new Term(SummitSchema.ArticleId, article.Id), docs)</c>.</summary>
    public static IReadOnlyList<Document> Create(Article article, ArticleFacts facts) => Enumerate(article, facts).ToList();

    /// <summary>
    /// The documents of <see cref="Create"/>, each made when the writer asks for it. The writer analyses a
    /// document and lets it go; a list would keep every field of every quote document (and each indexed field's
    /// token stream) alive until the last one is indexed, so a large article would hold thousands of documents.
    /// </summary>
    public static IEnumerable<Document> Enumerate(Article article, ArticleFacts facts)
    {
        // The date fields are shared by all of an article's documents (one value): Lucene.Net makes a numeric field's
        // token stream under a process-wide lock, so one per article instead of one per document.
        var date = article.Date is { } value ? new DateFields(ToIndexDate(value)) : null;
        // A quote's words serve its field in the article and its quote document.
        var quoteWords = facts.Quotes.Select(q => AnalyzedText.Of(q.Text)).ToList();
        yield return CreateArticleDocument(article, facts, quoteWords, date);
        // Most articles quote nobody: their facet values are not gathered for quote documents.
        if (facts.Quotes.Count == 0) yield break;
        var facets = new QuoteFacets(facts);
        var copied = new CopiedFields(article);
        for (var i = 0; i < Math.Min(facts.Quotes.Count, MaxQuoteDocuments); i++)
            yield return CreateQuoteDocument(article, facts.Quotes[i], quoteWords[i], i, facets, copied, date);
    }

    /// <summary>
    /// Most quote documents one article gets. The largest news article seen has 34 quotes; a body of thousands is
    /// a digest or a dump, not a story. Quotes past the limit get no quote document of their own (the quote search
    /// does not find them) but stay in the article: its text, its quote field and its facts.
    /// </summary>
    public const int MaxQuoteDocuments = 5_000;

    /// <summary>Longest title, URL, author or dateline copied onto every quote document (the article document
    /// keeps the whole value); a longer one is cut with "…", so a huge title is not stored once per quote.</summary>
    public const int MaxCopiedLength = 2_000;

    /// <summary>What <see cref="Enumerate"/> leaves out of an article because of a limit, as warnings to show to
    /// the person indexing it; empty for every ordinary article.</summary>
    public static IReadOnlyList<string> LimitWarnings(Article article, ArticleFacts facts)
    {
        var warnings = new List<string>();
        if (facts.Quotes.Count > MaxQuoteDocuments)
            warnings.Add($"the article has {facts.Quotes.Count:N0} quotes; only the first {MaxQuoteDocuments:N0} are searchable as quotes " +
                         "(all of them stay in the article's text); split it into its stories to search every quote");
        var cut = new[] { ("title", article.Title), ("url", article.Url), ("author", article.Author) }
            .Where(f => f.Item2?.Length > MaxCopiedLength).Select(f => f.Item1).ToList();
        if (cut.Count > 0)
            warnings.Add($"the {string.Join(" and ", cut)} {(cut.Count == 1 ? "is" : "are")} over {MaxCopiedLength:N0} characters; " +
                         "quote results show it cut short (the article keeps it whole)");
        return warnings;
    }

    /// <summary>
    /// Most values of one facet dimension (persons, places, countries) a quote document carries. A quote document
    /// carries its article's values so that a quote search can filter and count by them; an article with at most
    /// this many (every news article seen: BBC News and the seeds have at most 74 persons, 51 places and 26
    /// countries) gives each quote all of them. An article with more is not one story (a digest, a dump of many
    /// articles): each quote carries the values mentioned nearest to it, so the cost is linear in the number of
    /// quotes instead of quotes × values.
    /// </summary>
    public const int MaxFacetValuesPerQuote = 100;

    /// <summary>Id of the n-th quote document of an article.</summary>
    public static string QuoteId(string articleId, int index) => $"{articleId}#q{index}";

    /// <summary>Unix milliseconds stored in <see cref="SummitSchema.Date"/>.</summary>
    public static long ToIndexDate(DateTimeOffset date) => date.ToUnixTimeMilliseconds();

    private static Document CreateArticleDocument(Article article, ArticleFacts facts, List<AnalyzedText> quoteWords, DateFields? date)
    {
        var doc = new Document
        {
            Keyword(SummitSchema.Id, article.Id),
            Keyword(SummitSchema.Kind, SummitSchema.KindArticle),
            Keyword(SummitSchema.ArticleId, article.Id),
        };
        AddText(doc, SummitSchema.Title, article.Title, AnalyzedText.Of(article.Title));
        AddText(doc, SummitSchema.Body, article.Body, AnalyzedText.Of(article.Body));
        if (facts.BodySentences is { Count: > 0 } sentences) doc.Add(new StoredField(SummitSchema.BodySentences, SentenceOffsets.Encode(sentences)));
        doc.Add(new StoredField(SummitSchema.FactsJson, JsonSerializer.Serialize(facts, FactsJsonContext.Default.ArticleFacts)));
        for (var i = 0; i < facts.Quotes.Count; i++)
            AddText(doc, SummitSchema.Quote, facts.Quotes[i].Text, quoteWords[i]);
        AddCommon(doc, article, new CopiedFields(article, cut: false), date);
        AddFacets(doc, SummitSchema.Country, facts.Countries);
        AddFacets(doc, SummitSchema.Person, facts.Persons.Select(p => p.Name));
        AddFacets(doc, SummitSchema.Organization, facts.Organizations.Select(o => o.Name));
        AddFacets(doc, SummitSchema.Place, facts.Places.Select(p => p.Name));
        AddFacets(doc, SummitSchema.Speaker, facts.Speakers);
        return doc;
    }

    private static Document CreateQuoteDocument(Article article, Quote quote, AnalyzedText words, int index, QuoteFacets facets, CopiedFields copied, DateFields? date)
    {
        var doc = new Document
        {
            Keyword(SummitSchema.Id, QuoteId(article.Id, index)),
            Keyword(SummitSchema.Kind, SummitSchema.KindQuote),
            Keyword(SummitSchema.ArticleId, article.Id),
        };
        AddText(doc, SummitSchema.QuoteText, quote.Text, words);
        // The article title is stored (not indexed) so a quote hit can name its article without a second lookup.
        doc.Add(new StoredField(SummitSchema.Title, copied.Title));
        doc.Add(new StoredField(SummitSchema.QuoteStart, quote.Start));
        doc.Add(new StoredField(SummitSchema.QuoteEnd, quote.End));
        doc.Add(new NumericDocValuesField(SummitSchema.QuoteHash, QuoteKeys.Hash(quote.Text)));
        AddCommon(doc, article, copied, date);
        facets.Countries.AddNear(doc, quote);
        facets.Persons.AddNear(doc, quote);
        facets.Places.AddNear(doc, quote);
        // A quote by a role description ("Tory leader") is faceted under the person holding the role.
        if (ArticleFacts.IsName(quote.FacetSpeaker))
            AddFacets(doc, SummitSchema.Speaker, [quote.FacetSpeaker!]);
        else if (!string.IsNullOrWhiteSpace(quote.Speaker))
            doc.Add(new StoredField(SummitSchema.Speaker, quote.Speaker)); // shown on the quote, not a facet value
        return doc;
    }

    private static void AddCommon(Document doc, Article article, CopiedFields copied, DateFields? date)
    {
        if (date is not null)
        {
            doc.Add(date.Indexed);
            doc.Add(date.Values);
        }
        if (!string.IsNullOrWhiteSpace(article.Source))
            AddFacets(doc, SummitSchema.Source, [article.Source]);
        if (copied.Url is not null) doc.Add(new StoredField(SummitSchema.Url, copied.Url));
        if (copied.Author is not null) doc.Add(new StoredField(SummitSchema.Author, copied.Author));
        if (copied.Dateline is not null) doc.Add(new StoredField(SummitSchema.Dateline, copied.Dateline));
    }

    /// <summary>An article's date as its documents index, store and sort it.</summary>
    private sealed class DateFields(long millis)
    {
        public Int64Field Indexed { get; } = new(SummitSchema.Date, millis, Field.Store.YES);
        public NumericDocValuesField Values { get; } = new(SummitSchema.Date, millis);
    }

    /// <summary>The stored values an article's documents repeat; on quote documents cut to <see cref="MaxCopiedLength"/>.</summary>
    private sealed class CopiedFields(Article article, bool cut = true)
    {
        public string Title { get; } = Cut(article.Title, cut)!;
        public string? Url { get; } = Cut(article.Url, cut);
        public string? Author { get; } = Cut(article.Author, cut);
        public string? Dateline { get; } = Cut(article.Dateline, cut);

        private static string? Cut(string? value, bool cut)
        {
            if (!cut || value is null || value.Length <= MaxCopiedLength) return value;
            var length = char.IsHighSurrogate(value[MaxCopiedLength - 2]) ? MaxCopiedLength - 2 : MaxCopiedLength - 1;
            return value[..length] + "…";
        }
    }

    private static void AddFacets(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            doc.Add(Keyword(field, value));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    /// <summary>The person, place and country facet values of an article's quote documents
    /// (<see cref="MaxFacetValuesPerQuote"/>).</summary>
    private sealed class QuoteFacets
    {
        public QuoteFacets(ArticleFacts facts)
        {
            Persons = new(SummitSchema.Person, facts.Persons.Select(p => (p.Name, (IEnumerable<Span>)p.Mentions)));
            Places = new(SummitSchema.Place, facts.Places.Select(p => (p.Name, (IEnumerable<Span>)p.Mentions)));
            // A country is mentioned where its places are; a country known from other signals only ("Russian",
            // "the Kremlin") has no position, so it is left to the article document when the article has too many.
            var byCountry = facts.Places.SelectMany(p => p.Mentions, (p, m) => (p.Country, Mention: m))
                .ToLookup(x => x.Country, x => x.Mention, StringComparer.Ordinal);
            Countries = new(SummitSchema.Country, facts.Countries.Select(c => (c, byCountry[c])));
        }

        public NearestValues Persons { get; }
        public NearestValues Places { get; }
        public NearestValues Countries { get; }
    }

    /// <summary>
    /// The distinct values of one dimension in article order; when there are more than
    /// <see cref="MaxFacetValuesPerQuote"/>, the ones mentioned nearest a quote. Each call costs
    /// O(<see cref="MaxFacetValuesPerQuote"/> + log mentions), whatever the size of the article. The fields of a
    /// value are made once per article and shared by its quote documents (the writer indexes one document at a
    /// time, so a field instance may be reused across documents), rather than a new pair with a new token stream
    /// for every quote.
    /// </summary>
    private sealed class NearestValues
    {
        /// <summary>Mentions looked at per quote at most, so a name repeated thousands of times around a quote
        /// cannot make one quote cost more than a bounded amount.</summary>
        private const int MaxMentionsScanned = 20 * MaxFacetValuesPerQuote;

        private readonly string _field;
        private readonly List<string> _values = [];
        private readonly List<(Field Term, SortedSetDocValuesField DocValues)?> _fields = [];
        private readonly int[] _positions = [];
        private readonly int[] _valueAt = [];
        private readonly int[] _seen = [];
        private int _stamp;

        public NearestValues(string field, IEnumerable<(string Value, IEnumerable<Span> Mentions)> items)
        {
            _field = field;
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var mentions = new List<(int Position, int Value)>();
            foreach (var (value, spans) in items)
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                if (!ids.TryGetValue(value, out var id))
                {
                    ids[value] = id = _values.Count;
                    _values.Add(value);
                    _fields.Add(null);
                }
                foreach (var span in spans) mentions.Add((span.Start, id));
            }
            if (_values.Count <= MaxFacetValuesPerQuote) return;
            mentions.Sort();
            _positions = mentions.Select(m => m.Position).ToArray();
            _valueAt = mentions.Select(m => m.Value).ToArray();
            _seen = new int[_values.Count];
        }

        /// <summary>Adds every value when there are few enough; else the values mentioned nearest the quote
        /// (inside it first); in article order.</summary>
        public void AddNear(Document doc, Quote quote)
        {
            foreach (var value in Near(quote))
            {
                var (term, docValues) = _fields[value] ??= (
                    Keyword(_field, _values[value]),
                    new SortedSetDocValuesField(_field, new BytesRef(_values[value])));
                doc.Add(term);
                doc.Add(docValues);
            }
        }

        private IEnumerable<int> Near(Quote quote)
        {
            if (_values.Count <= MaxFacetValuesPerQuote) return Enumerable.Range(0, _values.Count);
            _stamp++;
            var chosen = new List<int>(MaxFacetValuesPerQuote);
            var right = LowerBound(quote.Start);
            var left = right - 1;
            for (var scanned = 0; chosen.Count < MaxFacetValuesPerQuote && scanned < MaxMentionsScanned && (left >= 0 || right < _positions.Length); scanned++)
            {
                // Mentions inside the quote are at distance 0; otherwise the distance to the nearer end of the quote.
                var rightDistance = right < _positions.Length ? Math.Max(0, _positions[right] - quote.End) : int.MaxValue;
                var leftDistance = left >= 0 ? quote.Start - _positions[left] : int.MaxValue;
                var at = rightDistance <= leftDistance ? right++ : left--;
                var value = _valueAt[at];
                if (_seen[value] == _stamp) continue;
                _seen[value] = _stamp;
                chosen.Add(value);
            }
            chosen.Sort();
            return chosen;
        }

        private int LowerBound(int position)
        {
            int low = 0, high = _positions.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_positions[middle] < position) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}

/// <summary>The facts' JSON as <see cref="ArticleDocuments.FactsJsonOptions"/> writes it, with the serialiser generated
/// at build time: the same text, without reflection-driven converters for every article.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleFacts))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;
