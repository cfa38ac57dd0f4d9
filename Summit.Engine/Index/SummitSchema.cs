using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Summit.Engine.Index;

/// <summary>
/// The one contract between the indexer and the searcher: field names, analyzers and the Lucene version.
/// Field names appear nowhere else as string literals.
/// </summary>
public static class SummitSchema
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// The layout of documents and fields this code writes and reads, kept in every commit's user data under
    /// <see cref="LayoutKey"/>. Raise it when an index written before cannot be searched correctly; such an index
    /// is then refused with a message to rebuild it. 2: quote documents index their text in <see cref="QuoteText"/>.
    /// </summary>
    public const int Layout = 2;
    public const string LayoutKey = "summit.layout";

    /// <summary>Unique key of every document (article id, or <c>{articleId}#q{n}</c> for a quote).</summary>
    public const string Id = "id";
    /// <summary><see cref="KindArticle"/> or <see cref="KindQuote"/>.</summary>
    public const string Kind = "kind";
    /// <summary>Ties an article and its quote documents so they are replaced together.</summary>
    public const string ArticleId = "article_id";

    public const string Title = "title";
    public const string Body = "body";
    /// <summary>Unstemmed twins of the text fields, for exact-word and exact-phrase boosts.</summary>
    public const string TitleExact = "title_exact";
    public const string BodyExact = "body_exact";
    public const string QuoteExact = "quote_exact";
    /// <summary>An article's quotes (multi-valued), so words said in the article rank it higher.</summary>
    public const string Quote = "quote";
    /// <summary>The text of a quote document. Not <see cref="Quote"/>: a word searched in articles then does not
    /// walk the postings of every quote document that repeats an article's quote, nor a quote search the articles'.</summary>
    public const string QuoteText = "quote_text";
    public const string QuoteTextExact = "quote_text_exact";

    // Facet fields: StringField (filter) + SortedSetDocValuesField (counts) + stored value.
    public const string Speaker = "speaker";
    public const string Person = "person";
    public const string Country = "country";
    public const string Place = "place";
    public const string Source = "source";
    /// <summary>Organisations named in the article (<see cref="Extraction.ArticleFacts.Organizations"/>).</summary>
    public const string Organization = "organization";

    /// <summary>Unix time in milliseconds (UTC): Int64Field for ranges, NumericDocValues for sort and recency.</summary>
    public const string Date = "date";

    // Stored-only fields.
    public const string Url = "url";
    public const string Author = "author";
    public const string Dateline = "dateline";
    /// <summary>The extracted facts of an article as JSON (offsets into the body), for the article endpoint.</summary>
    public const string FactsJson = "facts_json";
    /// <summary>The body's sentences as character ranges (<see cref="Index.SentenceOffsets"/>), so a hit's snippet
    /// takes its sentences from here instead of cutting the body again. Absent from articles indexed before it and
    /// from those whose extraction failed; their snippets cut the body.</summary>
    public const string BodySentences = "body_sentences";
    /// <summary>On quote documents: character offsets of the quote in the article body.</summary>
    public const string QuoteStart = "quote_start";
    public const string QuoteEnd = "quote_end";
    /// <summary>On quote documents: NumericDocValues with <see cref="QuoteKeys.Hash"/> of the text, so the quote
    /// search groups reports of the same words without reading stored text.</summary>
    public const string QuoteHash = "quote_hash";

    public const string KindArticle = "article";
    public const string KindQuote = "quote";

    /// <summary>
    /// The facet dimensions, in display order: the one list the searcher, the API (its validation, its OpenAPI text,
    /// <c>GET /api/facets</c>) and through it the widget read. Each is a multi-valued SortedSet doc-values field.
    /// </summary>
    public static readonly IReadOnlyList<FacetDimension> Facets =
    [
        new(Country, Country, "Country", InSearch: true, QuoteOrder: 2, Widget: FacetViews.Articles | FacetViews.Quotes),
        new(Person, Person, "Person", InSearch: true, QuoteOrder: 3, Widget: FacetViews.Articles),
        new(Speaker, Speaker, "Speaker", InSearch: true, QuoteOrder: 1, Widget: FacetViews.Quotes),
        new(Source, Source, "Source", InSearch: true, QuoteOrder: null, Widget: FacetViews.Articles),
        new(Organization, Organization, "Organisation", InSearch: true, QuoteOrder: null, Widget: FacetViews.Articles),
        new(Place, Place, "Place", InSearch: false, QuoteOrder: null, Widget: FacetViews.None),
    ];

    /// <summary>The index fields of <see cref="Facets"/>, in display order.</summary>
    public static readonly IReadOnlyList<string> FacetFields = [.. Facets.Select(f => f.Field)];

    /// <summary>The dimension called <paramref name="name"/> (any case), or null.</summary>
    public static FacetDimension? FacetNamed(string? name) =>
        Facets.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The dimensions an article search counts, in display order.</summary>
    public static IReadOnlyList<FacetDimension> ArticleSearchFacets { get; } = [.. Facets.Where(f => f.InSearch)];

    /// <summary>The dimensions a quote search filters by and counts, in its own order.</summary>
    public static IReadOnlyList<FacetDimension> QuoteSearchFacets { get; } =
        [.. Facets.Where(f => f.QuoteOrder is not null).OrderBy(f => f.QuoteOrder)];

    /// <summary>
    /// Query-time analysis: English analysis for the stemmed fields (accents folded, lowercase, possessives, stop
    /// words, Porter stemming) and plain lowercase words for the exact fields. Indexing makes the same words through
    /// <see cref="CreateIndexAnalyzer"/>.
    /// </summary>
    public static Analyzer CreateAnalyzer() => PerField(new EnglishStemmingAnalyzer(), () => new ExactAnalyzer());

    /// <summary>
    /// Index-time analysis: the words of a text field come from its <see cref="AnalyzedText"/>, split once by
    /// <see cref="ExactWords"/> for the field and its exact twin; the stemmed fields run the rest of the English chain
    /// over them. The words, positions and offsets are those <see cref="CreateAnalyzer"/> makes of the same text.
    /// </summary>
    public static Analyzer CreateIndexAnalyzer() => PerField(new ReplayedStemmingAnalyzer(), () => new ReplayedAnalyzer());

    /// <summary><paramref name="stemmed"/> for the text fields, an <paramref name="exact"/> analyzer for each exact
    /// twin, and each value of <see cref="KeywordFields"/> kept whole.</summary>
    private static PerFieldAnalyzerWrapper PerField(Analyzer stemmed, Func<Analyzer> exact) =>
        new(stemmed, ExactTwins.Select(field => KeyValuePair.Create(field, exact()))
            .Concat(KeywordFields.Select(field => KeyValuePair.Create(field, (Analyzer)new KeywordAnalyzer()))).ToDictionary());

    /// <summary>The exact fields' analysis, which is also the head of the stemmed one: folded, lowercased words.</summary>
    internal static readonly Analyzer ExactWords = new ExactAnalyzer();

    /// <summary>Fields indexed as one term per value (ids, kinds, facet values): the analyzer keeps each value whole.</summary>
    public static readonly IReadOnlyList<string> KeywordFields = [Speaker, Person, Country, Place, Source, Organization, Id, ArticleId, Kind];

    /// <summary>The unstemmed twins of the text fields (<see cref="ExactTwin"/>).</summary>
    private static readonly string[] ExactTwins = [TitleExact, BodyExact, QuoteExact, QuoteTextExact];

    /// <summary>True for the unstemmed twins of the text fields.</summary>
    public static bool IsExactTwin(string field) => ExactTwins.Contains(field);

    /// <summary>Returns the unstemmed twin of a stemmed text field, or null.</summary>
    public static string? ExactTwin(string field) => field switch
    {
        Title => TitleExact,
        Body => BodyExact,
        Quote => QuoteExact,
        QuoteText => QuoteTextExact,
        _ => null,
    };

    private sealed class EnglishStemmingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, Stemmed(Words(source)));
        }
    }

    private sealed class ExactAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, Words(source));
        }
    }

    private sealed class ReplayedStemmingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new AnalyzedText.Replay(reader);
            return new TokenStreamComponents(source, Stemmed(source));
        }
    }

    private sealed class ReplayedAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new AnalyzedText.Replay(reader));
    }

    /// <summary>Folded, lowercased words: the exact fields' terms, and what the stemmed fields' chain starts from.
    /// Folding comes first, so possessives are found after any apostrophe that folds to <c>'</c>.</summary>
    private static TokenStream Words(Tokenizer source) =>
        new LowerCaseFilter(Version, new ASCIIFoldingFilter(new StandardFilter(Version, source)));

    private static TokenStream Stemmed(TokenStream words) =>
        new PorterStemFilter(new StopFilter(Version, new EnglishPossessiveFilter(Version, words), EnglishAnalyzer.DefaultStopSet));
}

/// <summary>Where the widget shows a facet dimension.</summary>
[Flags]
public enum FacetViews
{
    None = 0,
    Articles = 1,
    Quotes = 2,
}

/// <summary>
/// One facet dimension. <paramref name="Name"/> is its name in the API (query parameter, <c>/api/facets/{name}</c>,
/// key in responses); <paramref name="Field"/> its index field; <paramref name="Label"/> its name for people;
/// <paramref name="InSearch"/> whether an article search counts it (every dimension filters articles);
/// <paramref name="QuoteOrder"/> its position among a quote search's facets, null when quote search neither filters
/// by it nor counts it; <paramref name="Widget"/> the widget's views that show it.
/// </summary>
public sealed record FacetDimension(string Name, string Field, string Label, bool InSearch, int? QuoteOrder, FacetViews Widget);
