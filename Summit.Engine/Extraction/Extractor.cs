using Summit.Engine.Articles;
using Gaz = Summit.Engine.Gazetteer.Gazetteer;

namespace Summit.Engine.Extraction;

/// <summary>
/// Finds quotes with their speakers, persons and places in an article. Thread-safe: one instance serves
/// every indexing thread (all per-article state lives in locals and in what the finders return; the shared
/// finders keep none between calls). Never throws on any text.
/// </summary>
public sealed partial class Extractor
{
    [System.Text.RegularExpressions.GeneratedRegex("<[A-Z.]{1,8}>")]
    private static partial System.Text.RegularExpressions.Regex Tickers();

    public static Extractor Default { get; } = new();

    /// <summary>The finders hold only the gazetteer, no state between calls: created once, shared by every thread.</summary>
    private static class Finders
    {
        public static readonly PlaceFinder Places = new(Gaz.Default);
        public static readonly PersonFinder Persons = new(Gaz.Default);
    }

    public ArticleFacts Extract(Article article)
    {
        try
        {
            return ExtractCore(article);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A rule bug must not stop indexing: the article is indexed without facts.
            return ArticleFacts.Empty;
        }
    }

    /// <summary>The pipeline without the safety net: tests call this so a rule bug fails them instead of hiding.</summary>
    internal static ArticleFacts ExtractCore(Article article)
    {
        var body = article.Body ?? "";
        if (body.Length == 0) return ArticleFacts.Empty;
        var doc = new TextDocument(body);

        var placeFinder = Finders.Places;
        var bodyPlaces = placeFinder.Find(doc);
        // Filtered in place below: Resolve reads what is left.
        var placeHits = bodyPlaces.Hits;
        // A ticker in angle brackets ("<MD.N>", "<UK>") is a stock symbol, not a place.
        // Matches do not overlap and come in order, so only the last one starting before a position can hold it:
        // a binary search per place, not a scan of every ticker (a wire dump has thousands of both).
        var tickers = Tickers().Matches(body);
        if (tickers.Count > 0)
        {
            var tickerStarts = tickers.Select(t => t.Index).ToArray();
            placeHits.RemoveAll(h =>
            {
                var position = doc.Tokens[h.Start].Start;
                var before = Array.BinarySearch(tickerStarts, position - 1);
                if (before < 0) before = ~before - 1;
                return before >= 0 && position < tickers[before].Index + tickers[before].Length;
            });
        }
        var (persons, personAt, firms) = Finders.Persons.Find(doc, placeHits);
        var organizations = OrganizationFinder.Find(doc, firms, personAt);
        DropOrganizationNames(persons, personAt, organizations);
        // A name read as a person ("Paris Hilton") or a firm ("Morgan Stanley") is not also a place.
        var inFirm = new bool[doc.Tokens.Count];
        foreach (var (start, end) in firms)
            for (var t = start; t < end; t++) inFirm[t] = true;
        placeHits.RemoveAll(h => personAt[h.Start] != null || inFirm[h.Start]);
        // "the Obama administration", "Jordan said": a one-word town or country named like a person of the article
        // is that person.
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in persons)
            surnames.Add(p.Name[(p.Name.LastIndexOf(' ') + 1)..]);
        if (surnames.Count > 0)
            placeHits.RemoveAll(h => h.End - h.Start == 1 && h.Readings[0].Kind is Gazetteer.PlaceKind.City or Gazetteer.PlaceKind.Country && surnames.Contains(doc[h.Start]));
        // The headline names what the story is about ("IRAN CLAIMS NEW VICTORIES"), also when the body does not;
        // a headline word that is a name of a person of the article ("Rivera charged") is that person.
        // A ticker in angle brackets ("CARBIDE <UK>") is not a place.
        var title = string.IsNullOrWhiteSpace(article.Title) ? null : new TextDocument(Tickers().Replace(article.Title, " "));
        PlacesFound? titlePlaces = null;
        if (title != null)
        {
            titlePlaces = placeFinder.Find(title);
            titlePlaces.Hits.RemoveAll(h => h.End - h.Start == 1 && surnames.Contains(title[h.Start]));
        }
        var countries = placeFinder.Resolve(bodyPlaces, article.Dateline, doc, title, titlePlaces, article.Title);

        var placeAt = new PlaceHit?[doc.Tokens.Count];
        foreach (var h in placeHits)
            for (var t = h.Start; t < h.End; t++) placeAt[t] = h;

        var raw = QuoteFinder.Find(body);
        var (speakers, roleHolders) = SpeakerResolver.Resolve(doc, persons, personAt, placeAt, raw);
        var names = RegnalNames(doc, persons);
        string? Named(string? name) => name is not null && names.TryGetValue(name, out var titled) ? titled : name;
        var quotes = new List<Quote>(raw.Count);
        var transcript = QuoteFilter.IsTranscript(body, raw);
        for (var i = 0; i < raw.Count; i++)
        {
            var text = body[raw[i].Start..raw[i].End];
            if (QuoteFilter.IsNotSpeech(body, text, speakers[i], raw[i], transcript)) continue;
            quotes.Add(new Quote(raw[i].Start, raw[i].End, text, Named(speakers[i])) { RoleHolder = Named(roleHolders[i]) });
        }

        return new ArticleFacts(quotes, ToPersons(doc, persons, names), ToPlaces(doc, placeHits), countries)
        {
            Organizations = organizations,
            BodySentences = SentenceSplitter.Ranges(doc.Tokens, doc.Sentences),
        };
    }

    /// <summary>
    /// "Qwest said … Qwest Communications", "Mozilla … the Mozilla Foundation": a name that opens the name of an
    /// organisation of the article is that organisation's, not a person's; not when a given name opens it ("Tony Blair
    /// … the Tony Blair Institute").
    /// </summary>
    private static void DropOrganizationNames(List<Person> persons, Person?[] personAt, List<OrganizationMention> organizations)
    {
        if (organizations.Count == 0 || persons.Count == 0) return;
        persons.RemoveAll(p =>
        {
            var name = p.Name;
            if (!organizations.Exists(o => o.Name.StartsWith(name, StringComparison.Ordinal) && (o.Name.Length == name.Length || o.Name[name.Length] == ' '))) return false;
            var space = name.IndexOf(' ');
            if (Gaz.Default.FirstNameGender(space < 0 ? name : name[..space]) != '\0') return false;
            foreach (var (s, e) in p.Mentions)
                for (var t = s; t < e; t++) personAt[t] = null;
            return true;
        });
    }

    /// <summary>Titles that stay with a one-word name: a monarch or pope is known as "King Fahd", "Pope Francis".</summary>
    private static readonly HashSet<string> RegnalTitles = new(StringComparer.Ordinal) { "King", "Queen", "Pope", "Emperor", "Sultan", "Emir" };

    /// <summary>
    /// A person named by one word that the text gives a regnal title before ("King Fahd said … Fahd") is named with it;
    /// the mentions still cover the name alone. Other titles are never part of a name.
    /// </summary>
    private static Dictionary<string, string> RegnalNames(TextDocument doc, List<Person> persons)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in persons)
        {
            if (p.Name.Contains(' ')) continue;
            foreach (var (start, _) in p.Mentions)
                if (start > 0 && doc.IsWord(start - 1) && RegnalTitles.Contains(doc[start - 1]))
                {
                    names[p.Name] = doc[start - 1] + " " + p.Name;
                    break;
                }
        }
        return names;
    }

    private static List<PersonMention> ToPersons(TextDocument doc, List<Person> persons, Dictionary<string, string> names) =>
        persons.Where(p => p.Mentions.Count > 0)
            .Select(p => new PersonMention(names.GetValueOrDefault(p.Name, p.Name), p.Mentions
                .Select(m => new Span(doc.Tokens[m.Start].Start, doc.Tokens[m.End - 1].End))
                .Distinct().OrderBy(s => s.Start).ToList()))
            .ToList();

    private static List<PlaceMention> ToPlaces(TextDocument doc, List<PlaceHit> hits)
    {
        var byKey = new Dictionary<(string, string), List<Span>>();
        var order = new List<(string, string)>();
        foreach (var h in hits)
        {
            if (h.IsCountrySignalOnly) continue; // "Russian", "the Kremlin" name a country but are not place mentions
            var name = h.Chosen.Kind == Gazetteer.PlaceKind.Country ? Gaz.Default.CountryName(h.Chosen.Country) : h.Chosen.Name;
            var key = (name, h.Chosen.Country);
            if (!byKey.TryGetValue(key, out var spans))
            {
                byKey[key] = spans = [];
                order.Add(key);
            }
            spans.Add(new Span(doc.Tokens[h.Start].Start, doc.Tokens[h.End - 1].End));
        }
        return order.Select(k => new PlaceMention(k.Item1, k.Item2, byKey[k])).ToList();
    }
}
