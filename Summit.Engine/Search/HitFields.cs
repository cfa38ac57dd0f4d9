using Lucene.Net.Index;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// The stored fields a search hit shows, read in one pass over the document's stored fields. Loading a Lucene
/// <c>Document</c> made a field object per value, and each <c>Get</c> or <c>GetValues</c> then scanned all of them
/// through a boxed enumerator: eleven scans per hit, a tenth of an article search's CPU with the garbage they made.
/// An article also stores every quote again (for highlighting) and its places, which a hit takes from the facts or
/// does not show; those are skipped undecoded.
/// </summary>
internal sealed class HitFields : StoredFieldVisitor
{
    public string? Id { get; private set; }
    public string? Title { get; private set; }
    public string? Body { get; private set; }
    public string? FactsJson { get; private set; }
    public string? Source { get; private set; }
    public string? Dateline { get; private set; }
    public string? Url { get; private set; }
    public string? Author { get; private set; }
    public DateTimeOffset? Date { get; private set; }
    /// <summary>The body's sentences as the index stores them (<see cref="SentenceOffsets"/>); null when it does not.</summary>
    public byte[]? BodySentences { get; private set; }
    public List<string> Speakers { get; } = [];
    public List<string> Persons { get; } = [];
    public List<string> Countries { get; } = [];

    /// <summary>The hit fields of a document of the searcher's reader.</summary>
    public static HitFields Read(Lucene.Net.Search.IndexSearcher searcher, int doc)
    {
        var fields = new HitFields();
        searcher.Doc(doc, fields);
        return fields;
    }

    public override Status NeedsField(FieldInfo fieldInfo) => fieldInfo.Name switch
    {
        SummitSchema.Id or SummitSchema.Title or SummitSchema.Body or SummitSchema.FactsJson or SummitSchema.Date
            or SummitSchema.Source or SummitSchema.Dateline or SummitSchema.Url or SummitSchema.Author
            or SummitSchema.Speaker or SummitSchema.Person or SummitSchema.Country or SummitSchema.BodySentences => Status.YES,
        _ => Status.NO,
    };

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        // The first value of a single-valued field, as Document.Get returns it.
        switch (fieldInfo.Name)
        {
            case SummitSchema.Id: Id ??= value; break;
            case SummitSchema.Title: Title ??= value; break;
            case SummitSchema.Body: Body ??= value; break;
            case SummitSchema.FactsJson: FactsJson ??= value; break;
            case SummitSchema.Source: Source ??= value; break;
            case SummitSchema.Dateline: Dateline ??= value; break;
            case SummitSchema.Url: Url ??= value; break;
            case SummitSchema.Author: Author ??= value; break;
            case SummitSchema.Speaker: Speakers.Add(value); break;
            case SummitSchema.Person: Persons.Add(value); break;
            case SummitSchema.Country: Countries.Add(value); break;
        }
    }

    public override void BinaryField(FieldInfo fieldInfo, byte[] value)
    {
        if (fieldInfo.Name == SummitSchema.BodySentences) BodySentences ??= value;
    }

    public override void Int64Field(FieldInfo fieldInfo, long value)
    {
        if (fieldInfo.Name == SummitSchema.Date) Date ??= DateTimeOffset.FromUnixTimeMilliseconds(value);
    }
}
