namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// One article while its quotes are attributed: the document with its persons and places by token, the quotes, the
/// speakers given so far and the memory of the last quote and speaker. The rules read it (the readers of attributions
/// are in the other SpeakerContext.*.cs parts); only <see cref="SpeakerResolver"/> moves it on from quote to quote.
/// </summary>
internal sealed partial class SpeakerContext
{
    /// <summary>The name <see cref="AnsweredBy"/> gives a speaker that a paragraph run of one quote shares.</summary>
    public const string ParagraphRun = "ParagraphRun";

    private readonly Dictionary<string, Person> _byName;
    private readonly bool[] _inQuote;
    private int _lastQuoteSentence = -10;
    private int _lastQuoteParagraph = -10;
    private int _runStart = -1;
    private string? _runSpeaker;

    public SpeakerContext(TextDocument doc, List<Person> persons, Person?[] personAt, PlaceHit?[] placeAt, List<RawQuote> quotes)
    {
        Doc = doc;
        PersonAt = personAt;
        PlaceAt = placeAt;
        Quotes = quotes;
        _byName = persons.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First());
        _inQuote = new bool[doc.Tokens.Count];
        foreach (var q in quotes)
        {
            // An excerpt running over paragraphs is itself a report with sources of its own.
            if (q.ContinuesNext || q.Continuation) continue;
            var close = q.Close < doc.Text.Length ? doc.TokenAt(q.Close) : doc.Tokens.Count;
            for (var t = doc.TokenAt(q.Open) + 1; t < close && t < _inQuote.Length; t++) _inQuote[t] = true;
        }
        Speakers = new List<string?>(quotes.Count);
        AnsweredBy = new List<string?>(quotes.Count);
    }

    public TextDocument Doc { get; }

    public Person?[] PersonAt { get; }

    public PlaceHit?[] PlaceAt { get; }

    public List<RawQuote> Quotes { get; }

    /// <summary>The speaker of each quote before the current one (a list of quotes may give its earlier quotes another).</summary>
    public List<string?> Speakers { get; }

    /// <summary>The name of the rule that gave each of <see cref="Speakers"/> (null: none did), for tests.</summary>
    public List<string?> AnsweredBy { get; }

    /// <summary>The speaker of the latest quote that has one.</summary>
    public string? LastSpeaker { get; private set; }

    /// <summary>A name of a person of the article (not a phrase, organisation or place).</summary>
    public bool IsPerson(string name) => _byName.ContainsKey(name);

    /// <summary>Inside a one-paragraph quotation: a name there is what the speaker talks about, not a source.</summary>
    private bool InQuote(int t) => t < _inQuote.Length && _inQuote[t];

    /// <summary>Gives an earlier quote another speaker (a list of quotes shares the one its rule found).</summary>
    public void Reattribute(int quote, string? speaker, string rule)
    {
        Speakers[quote] = speaker;
        AnsweredBy[quote] = rule;
    }

    /// <summary>Records the quote's speaker (null: no rule found one) and moves the memory of the last quote on.</summary>
    public void Settle(QuoteSite site, string? speaker, string? rule)
    {
        var q = site.Quote;
        // Paragraph runs of one quote share a speaker, whichever paragraph names it.
        if (q.Continuation && _runStart >= 0)
        {
            if (speaker == null && _runSpeaker != null) (speaker, rule) = (_runSpeaker, ParagraphRun);
            if (speaker != null)
                for (var k = _runStart; k < Speakers.Count; k++)
                    if (Speakers[k] == null) Reattribute(k, speaker, ParagraphRun);
        }
        else _runStart = Speakers.Count;
        _runSpeaker = speaker ?? _runSpeaker;
        if (!q.ContinuesNext && !q.Continuation) _runSpeaker = null;
        Speakers.Add(speaker);
        AnsweredBy.Add(rule);
        if (speaker != null) LastSpeaker = speaker;
        _lastQuoteSentence = Doc.SentenceOf[Math.Min(site.Close, Doc.Tokens.Count - 1)];
        _lastQuoteParagraph = ParagraphOf(Math.Min(q.Close, Doc.Text.Length - 1));
    }
}
