using System.Text.Json;
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
    public static readonly FieldType StoredTextWithOffsets = CreateTextType(stored: true);
    /// <summary>Unstemmed twin: not stored (the stemmed field holds the text).</summary>
    public static readonly FieldType ExactText = CreateTextType(stored: false);

    private static FieldType CreateTextType(bool stored)
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            IsStored = stored,
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>How <see cref="SummitSchema.FactsJson"/> is serialised; readers deserialise with the same options.</summary>
    public static readonly JsonSerializerOptions FactsJsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The article document followed by its quote documents, ready for
    /// <c>UpdateDocuments(new Term(SummitSchema.ArticleId, article.Id), docs)</c>.</summary>
    public static IReadOnlyList<Document> Create(Article article, ArticleFacts facts)
    {
        var docs = new List<Document>(1 + facts.Quotes.Count) { CreateArticleDocument(article, facts) };
        for (var i = 0; i < facts.Quotes.Count; i++)
            docs.Add(CreateQuoteDocument(article, facts, facts.Quotes[i], i));
        return docs;
    }

    /// <summary>Id of the n-th quote document of an article.</summary>
    public static string QuoteId(string articleId, int index) => $"{articleId}#q{index}";

    /// <summary>Unix milliseconds stored in <see cref="SummitSchema.Date"/>.</summary>
    public static long ToIndexDate(DateTimeOffset date) => date.ToUnixTimeMilliseconds();

    private static Document CreateArticleDocument(Article article, ArticleFacts facts)
    {
        var doc = new Document
        {
            new StringField(SummitSchema.Id, article.Id, Field.Store.YES),
            new StringField(SummitSchema.Kind, SummitSchema.KindArticle, Field.Store.YES),
            new StringField(SummitSchema.ArticleId, article.Id, Field.Store.YES),
            new Field(SummitSchema.Title, article.Title, StoredTextWithOffsets),
            new Field(SummitSchema.TitleExact, article.Title, ExactText),
            new Field(SummitSchema.Body, article.Body, StoredTextWithOffsets),
            new Field(SummitSchema.BodyExact, article.Body, ExactText),
            new StoredField(SummitSchema.FactsJson, JsonSerializer.Serialize(facts, FactsJsonOptions)),
        };
        foreach (var quote in facts.Quotes)
        {
            doc.Add(new Field(SummitSchema.Quote, quote.Text, StoredTextWithOffsets));
            doc.Add(new Field(SummitSchema.QuoteExact, quote.Text, ExactText));
        }
        AddCommon(doc, article, facts);
        AddFacets(doc, SummitSchema.Speaker, facts.Speakers);
        return doc;
    }

    private static Document CreateQuoteDocument(Article article, ArticleFacts facts, Quote quote, int index)
    {
        var doc = new Document
        {
            new StringField(SummitSchema.Id, QuoteId(article.Id, index), Field.Store.YES),
            new StringField(SummitSchema.Kind, SummitSchema.KindQuote, Field.Store.YES),
            new StringField(SummitSchema.ArticleId, article.Id, Field.Store.YES),
            new Field(SummitSchema.QuoteText, quote.Text, StoredTextWithOffsets),
            new Field(SummitSchema.QuoteTextExact, quote.Text, ExactText),
            // The article title is stored (not indexed) so a quote hit can name its article without a second lookup.
            new StoredField(SummitSchema.Title, article.Title),
            new StoredField(SummitSchema.QuoteStart, quote.Start),
            new StoredField(SummitSchema.QuoteEnd, quote.End),
            new NumericDocValuesField(SummitSchema.QuoteHash, QuoteKeys.Hash(quote.Text)),
        };
        AddCommon(doc, article, facts);
        if (ArticleFacts.IsName(quote.Speaker))
            AddFacets(doc, SummitSchema.Speaker, [quote.Speaker!]);
        else if (!string.IsNullOrWhiteSpace(quote.Speaker))
            doc.Add(new StoredField(SummitSchema.Speaker, quote.Speaker)); // shown on the quote, not a facet value
        return doc;
    }

    private static void AddCommon(Document doc, Article article, ArticleFacts facts)
    {
        if (article.Date is { } date)
        {
            var millis = ToIndexDate(date);
            doc.Add(new Int64Field(SummitSchema.Date, millis, Field.Store.YES));
            doc.Add(new NumericDocValuesField(SummitSchema.Date, millis));
        }
        if (!string.IsNullOrWhiteSpace(article.Source))
            AddFacets(doc, SummitSchema.Source, [article.Source]);
        if (article.Url is not null) doc.Add(new StoredField(SummitSchema.Url, article.Url));
        if (article.Author is not null) doc.Add(new StoredField(SummitSchema.Author, article.Author));
        if (article.Dateline is not null) doc.Add(new StoredField(SummitSchema.Dateline, article.Dateline));
        AddFacets(doc, SummitSchema.Country, facts.Countries);
        AddFacets(doc, SummitSchema.Person, facts.Persons.Select(p => p.Name));
        AddFacets(doc, SummitSchema.Place, facts.Places.Select(p => p.Name));
    }

    private static void AddFacets(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
