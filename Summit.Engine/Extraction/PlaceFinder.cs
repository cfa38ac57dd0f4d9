using Summit.Engine.Extraction.Speakers;
using Summit.Engine.Gazetteer;
using Gaz = Summit.Engine.Gazetteer.Gazetteer;

namespace Summit.Engine.Extraction;

/// <summary>A gazetteer hit: tokens [Start, End) and every reading of the name.</summary>
internal sealed record PlaceHit(int Start, int End, PlaceEntry[] Readings)
{
    /// <summary>The chosen reading, set by <see cref="PlaceFinder.Resolve"/>.</summary>
    public PlaceEntry Chosen { get; set; }

    /// <summary>Demonyms and institutions give a country but are not place mentions.</summary>
    public bool IsCountrySignalOnly => Readings[0].Kind is PlaceKind.Demonym or PlaceKind.Institution;
}

/// <summary>What <see cref="PlaceFinder.Find"/> met in one text: the place mentions (Hits), and the places inside
/// organisations' names ("Virginia Department of Education"), which are no place mentions but a hint of where a story
/// without other places happens, and of where a company is (Organisations).</summary>
internal sealed record PlacesFound(List<PlaceHit> Hits, List<PlaceHit> Organisations);

/// <summary>
/// Finds country names, demonyms, regions and cities by longest token-sequence match, then picks one reading
/// per ambiguous city by the article's country context (named countries, unambiguous places, dateline) and
/// otherwise by population. Stateless: one instance serves every thread; what <see cref="Find"/> meets it returns
/// in a <see cref="PlacesFound"/>, which <see cref="Resolve"/> is given.
/// </summary>
internal sealed partial class PlaceFinder(Gaz gazetteer)
{
    /// <summary>Longest gazetteer matches, left to right, setting apart names that are part of an organisation.</summary>
    public PlacesFound Find(TextDocument doc)
    {
        var hits = new List<PlaceHit>();
        var organisations = new List<PlaceHit>();
        var toks = doc.Tokens;
        for (var i = 0; i < toks.Count; i++)
        {
            if (toks[i].Kind != TokenKind.Word) continue;
            var first = doc[i];
            if (!char.IsUpper(first[0])) continue;
            var match = County(doc, i) ?? Longest(doc, i, first); // "Guernsey County" is in Ohio
            if (match is not { } m) continue;
            if (IsNameOfPerson(doc, i, m.End, m.Readings))
            {
                i = m.End - 1;
                continue;
            }
            if (IsOrganisationName(doc, i, m.End, m.Readings))
                organisations.Add(new PlaceHit(i, m.End, m.Readings));
            else if (!IsTeamInResults(doc, m.End, m.Readings) && !IsLocalName(doc, m.End, m.Readings) && !IsTitledName(doc, i, m.End))
                hits.Add(new PlaceHit(i, m.End, m.Readings));
            i = m.End - 1;
        }
        return new PlacesFound(hits, organisations);
    }

    private (int End, PlaceEntry[] Readings)? Longest(TextDocument doc, int i, string first)
    {
        var toks = doc.Tokens;
        var allCaps = first.Length > 1 && Lexicon.IsAllCaps(first);
        var titledFirst = allCaps ? TitleCase(first) : null;
        var longestAsWritten = gazetteer.LongestNameStartingWith(first);
        var longestTitled = titledFirst is null ? 0 : gazetteer.LongestNameStartingWith(titledFirst);
        var longest = Math.Max(longestAsWritten, longestTitled);
        // Spans grow from two tokens while some name still begins with them, as written or (all-caps text) title-cased,
        // and the longest that is a name wins: the same match as trying every length from the longest down, but most
        // starts cost a probe or two instead of a key and a probe per length.
        var asWritten = longestAsWritten > 0;
        var titled = longestTitled > 0;
        (int End, PlaceEntry[] Readings)? found = null;
        var key = new System.Text.StringBuilder(first);
        var words = 1;
        // One token more than the longest name: a hard-wrapped line may break the name ("Securities and Exchange\nCommission").
        var maxLength = Math.Min(longest + 1, toks.Count - i);
        for (var len = 2; len <= maxLength && (asWritten || titled); len++)
        {
            var end = i + len;
            // A span that is not contiguous makes every longer one not contiguous either.
            if (!Contiguous(doc, i, end)) break;
            if (toks[end - 1].Kind == TokenKind.Newline) continue;
            key.Append(' ').Append(doc[end - 1]);
            if (++words > longest) break;
            var k = key.ToString();
            var t = titled ? TitleCase(k) : null;
            if (asWritten && gazetteer.TryGetPlace(k, out var r) || titled && gazetteer.TryGetPlace(t!, out r))
                found = (end, r);
            asWritten = asWritten && gazetteer.StartsLongerName(k);
            titled = titled && gazetteer.StartsLongerName(t!);
        }
        if (found is not null) return found;
        if (gazetteer.TryGetPlace(first, out var one)) return (i + 1, one);
        if (allCaps && first.Length > 3 && gazetteer.TryGetPlace(titledFirst!, out one)) return (i + 1, one);
        return null;
    }

    /// <summary>
    /// Sports results name teams by their city: "CHICAGO 71 64" (a standings row), "CHICAGO AT TORONTO" (the
    /// visiting team). A place followed by a score or by "AT" is a team, not a place.
    /// </summary>
    private static bool IsTeamInResults(TextDocument doc, int end, PlaceEntry[] readings)
    {
        if (readings[0].Kind is PlaceKind.Demonym or PlaceKind.Institution) return false;
        if (end >= doc.Tokens.Count) return false;
        if (doc.IsWord(end) && doc[end] == "AT") return true;
        if (!doc.Is(end, TokenKind.Number)) return false;
        var number = doc[end];
        // A year or a date ("LONDON 1996-08-30") is a dateline, not a score.
        return !(number.Length == 4 || doc.IsPunct(end + 1, '-') || doc.IsPunct(end + 1, '/'));
    }

    /// <summary>"Halle Berry", "Kendal Smith": a one-word small town directly followed by a capitalised word that is no
    /// word of the language, no place and no part of an organisation's or a place's name is a first name.</summary>
    private bool IsNameOfPerson(TextDocument doc, int start, int end, PlaceEntry[] readings)
    {
        if (end - start != 1 || !Array.TrueForAll(readings, r => r is { Kind: PlaceKind.City, Capital: false, Population: < MillionCity }) || !doc.IsWord(end) || doc.Tokens[end].Start != doc.Tokens[start].End + 1) return false;
        var next = doc[end];
        return next.Length > 2 && char.IsUpper(next[0]) && !Lexicon.IsAllCaps(next) && !Lexicon.IsAllCaps(doc[start])
               && !gazetteer.IsCommonWord(next) && !gazetteer.TryGetPlace(next, out _)
               && !Lexicon.OrgWords.Contains(next) && !Lexicon.LegalForms.Contains(next) && !Lexicon.PlaceFeatures.Contains(next)
               && !Lexicon.CapitalisedCommon.Contains(next)
               // "Vancouver Coastal Health Authority": a longer name is an organisation's.
               && !(doc.IsWord(end + 1) && char.IsUpper(doc[end + 1][0]));
    }

    /// <summary>"President Obama", "Mr. Jordan": a one-word name after a personal title is a person.</summary>
    private static bool IsTitledName(TextDocument doc, int start, int end)
    {
        if (end - start != 1) return false;
        var k = doc.IsPunct(start - 1, '.') ? start - 2 : start - 1;
        return doc.IsWord(k) && Lexicon.PersonTitles.Contains(doc[k]);
    }

    /// <summary>"Indian Lake Road", "Spanish Oaks": a demonym naming a local feature says nothing of its country.</summary>
    private static bool IsLocalName(TextDocument doc, int end, PlaceEntry[] readings) =>
        readings[0].Kind == PlaceKind.Demonym && doc.IsWord(end) && doc.Tokens[end].Start == doc.Tokens[end - 1].End + 1
        && Lexicon.PlaceFeatures.Contains(doc[end]);

    /// <summary>"Henderson County": a US county (elsewhere counties are named "County Cork").</summary>
    private static (int End, PlaceEntry[] Readings)? County(TextDocument doc, int i)
    {
        var e = i + 1;
        while (e < i + MaxCountyNameWords && doc.IsWord(e) && char.IsUpper(doc[e][0]) && doc[e] != "County") e++;
        if (!doc.IsWord(e) || doc[e] != "County" || Lexicon.CapitalisedCommon.Contains(doc[i])) return null;
        return (e + 1, [new PlaceEntry(doc.Slice(i, e + 1), PlaceKind.Region, "US", 0, false)]);
    }

    /// <summary>"GULF OF MEXICO" → "Gulf of Mexico": small words inside a name stay lowercase.</summary>
    private static string TitleCase(string s)
    {
        var chars = s.ToLowerInvariant().ToCharArray();
        for (var k = 0; k < chars.Length; k++)
            if (k == 0 || chars[k - 1] == ' ' && !IsSmallWord(chars, k) || chars[k - 1] == '-') chars[k] = char.ToUpperInvariant(chars[k]);
        return new string(chars);
    }

    private static bool IsSmallWord(char[] chars, int k)
    {
        var end = Array.IndexOf(chars, ' ', k);
        var word = new string(chars, k, (end < 0 ? chars.Length : end) - k);
        return word is "of" or "and" or "the";
    }

    /// <summary>Only words and hyphens, no line break: a name never spans a paragraph.</summary>
    private static bool Contiguous(TextDocument doc, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            var k = doc.Tokens[t].Kind;
            // A line break that only wraps a long line goes on to a capitalised word ("Securities and Exchange\nCommission").
            if (k == TokenKind.Newline && !(doc.WrapsLine(t) && doc.IsWord(t + 1) && char.IsUpper(doc[t + 1][0])) || k == TokenKind.Quote) return false;
            if (k == TokenKind.Punct && doc.Text[doc.Tokens[t].Start] is not ('-' or '.' or '\'')) return false;
            // "W.Va." but not "Mich ." (a dot after a space ends a sentence)
            if (k == TokenKind.Punct && t > from && doc.Tokens[t].Start != doc.Tokens[t - 1].End) return false;
        }
        return true;
    }

    /// <summary>"New York Times", "Bank of England", "Manchester United": the place names an organisation.</summary>
    private static bool IsOrganisationName(TextDocument doc, int start, int end, PlaceEntry[] readings)
    {
        // "British Petroleum Co Plc", "Whitehall Corp": a company's name is not where a story happens; a story
        // about a deal with a British company is not about Britain.
        if (IsCompanyName(doc, end, capsForm: !IsStrongPlace(readings[0]))) return true;
        if (readings[0].Kind is PlaceKind.Demonym or PlaceKind.Institution) return false;
        if (doc.IsWord(end) && doc.Tokens[end].Start <= doc.Tokens[end - 1].End + 1 && Lexicon.OrgWords.Contains(doc[end])
            && doc[end] is not ("State" or "Province" or "Region" or "District" or "Republic" or "Kingdom"))
            return true;
        if (start >= 2 && doc.IsWord(start - 1) && doc[start - 1] == "of" && doc.IsWord(start - 2)
            && Lexicon.OrgWords.Contains(doc[start - 2]) && doc[start - 2] is not ("Republic" or "Kingdom" or "State" or "Province" or "City" or "Island" or "Islands" or "Gulf" or "Sea" or "Bay"))
            return true;
        return false;
    }

    /// <summary>"&lt;NEC Corp&gt; of Japan", "Pharmacia AB &lt;PHABY&gt; of Sweden", "&lt;Schroders PLC&gt; of the United
    /// Kingdom": where a company named in angle brackets comes from is a place, but not where the story happens.</summary>
    private static bool IsCompanyOrigin(TextDocument doc, int start)
    {
        var k = doc.IsWord(start - 1) && doc[start - 1] == "the" ? start - 2 : start - 1;
        return doc.IsWord(k) && doc[k] == "of" && doc.IsPunct(k - 1, '>');
    }

    /// <summary>"British Petroleum Co Plc", "Stanley Interiors Corp": up to four capitalised words (or "and") and a
    /// company's legal form follow the name.</summary>
    private static bool IsCompanyName(TextDocument doc, int end, bool capsForm)
    {
        for (var k = end; k < end + CompanyTailTokens && doc.IsWord(k); k++)
        {
            // An all-caps headline spells the form in capitals too ("WHITEHALL CORP <WHT> 4TH QTR NET"); there a
            // country, province or big city in the name ("TRACTORS MALAYSIA BHD") still says where the company is.
            if (Lexicon.LegalForms.Contains(doc[k]) || capsForm && doc[k].Length > 1 && Lexicon.IsAllCaps(doc[k]) && Lexicon.LegalForms.Contains(TitleCase(doc[k])))
                return true;
            if (!char.IsUpper(doc[k][0]) && doc[k] != "and") return false;
        }
        return false;
    }

    /// <summary>Choose one reading per hit of the body (<paramref name="found"/> in <paramref name="doc"/>) and of the
    /// title; returns the article's countries in first-mention order.</summary>
    public List<string> Resolve(PlacesFound found, string? dateline, TextDocument doc, TextDocument? title = null, PlacesFound? titleFound = null,
                                string? rawTitle = null)
    {
        var hits = found.Hits;
        var titleHits = titleFound?.Hits ?? [];
        // Context: countries named without ambiguity (country names, demonyms, regions, one-country cities).
        // "Firm" context leaves out lone small towns, which are often a surname or a namesake missing from the table.
        var context = new HashSet<string>(StringComparer.Ordinal);
        var firm = new HashSet<string>(StringComparer.Ordinal);
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        var local = new HashSet<string>(StringComparer.Ordinal);
        var townVotes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in titleHits.Concat(hits))
        {
            // "Lebanon" names the country for context, but may be the town in Ohio: it does not place the story.
            // "Ontario" (also a Californian city) names its province for both.
            // A part of a city ("West End", Vancouver, the only one the table knows) places nothing: its bare name is
            // as often a part of another city ("London's West End").
            if (Array.TrueForAll(h.Readings, r => r.Section)) continue;
            if (OneCountry(h.Readings, ignoreTowns: true) is { Length: > 0 } c) context.Add(c);
            if (OneCountry(h.Readings, ignoreTowns: h.Readings[0].Kind == PlaceKind.Region) is not { Length: > 0 } f) continue;
            if (!IsSmallTown(h.Readings)) firm.Add(f);
            // Where the story happens: places vote; small towns (often surnames) only when nothing bigger is named.
            if (h.IsCountrySignalOnly) continue;
            var box = IsSmallTown(h.Readings) ? townVotes : votes;
            box[f] = box.GetValueOrDefault(f) + 1;
            // A state, county or town: the story is placed inside the country, not only about it.
            if (h.Readings[0].Kind is PlaceKind.City or PlaceKind.Region) local.Add(f);
        }
        if (votes.Count == 0) votes = townVotes;
        if (votes.Count == 0)
            foreach (var h in found.Organisations.Concat(titleFound?.Organisations ?? []))
                if (OneCountry(h.Readings) is { Length: > 0 } f)
                {
                    votes[f] = votes.GetValueOrDefault(f) + 1;
                    local.Add(f);
                }
        if (!string.IsNullOrWhiteSpace(dateline))
        {
            var key = Gaz.Key(dateline.Trim());
            if (gazetteer.TryGetPlace(key, out var d) && d[0].Country.Length > 0)
            {
                context.Add(d[0].Country);
                firm.Add(d[0].Country);
                votes[d[0].Country] = votes.GetValueOrDefault(d[0].Country) + 2;
            }
        }
        // American local news rarely names its country: dollar amounts, sheriffs, counties and party tags
        // ("R-Elbow Lake") decide a town's namesake when no country is named ("Mansfield" → the one in Texas).
        // Both scans read the whole text: they run only when a rule needs them, and once.
        int? cueValue = null;
        int Cue() => cueValue ??= UsCue(doc);
        // A British story (Westminster, the NHS, British spelling) names its own country as rarely: a party name or
        // a spelling it shares with America does not make it American, and its namesakes are British.
        bool? britishValue = null;
        bool British() => britishValue ??= BritishCue(doc);
        bool UsStory() => Cue() == Local || Cue() > 0 && !British();
        (string? Code, bool Done) currency = default;
        string? Currency() => (currency = currency.Done ? currency : (CurrencyCountry(doc, title), true)).Code;
        // The story's home: the country holding most of its unambiguous place mentions, or America for an
        // American story that names none. Ambiguous names take their home namesake ("Athens" in a story placed
        // in Georgia, US).
        var total = votes.Values.Sum();
        var home = votes.Count == 0 ? (UsStory() ? "US" : British() ? "GB" : null)
            : votes.MaxBy(v => v.Value) is var top && top.Value * 2 > total ? top.Key : null;
        // A home given by American or British cues alone (no place names it) is a local story's.
        var localHome = home != null && (votes.Count == 0 || local.Contains(home));
        foreach (var h in titleHits)
            h.Chosen = Choose(h.Readings, context, home, UsStory, British, localHome);
        // A town placed by its state ("Belgrade, Minn.", "Palestine, Texas") is that town wherever the story names it.
        Dictionary<string, PlaceEntry>? placedTowns = null;
        for (var i = 0; i < hits.Count; i++)
            if (InStateOrCountry(doc, hits, i) is { } inState)
                (placedTowns ??= new(StringComparer.Ordinal))[doc.Slice(hits[i].Start, hits[i].End)] = inState;
        for (var i = 0; i < hits.Count; i++)
            hits[i].Chosen = (placedTowns != null && placedTowns.TryGetValue(doc.Slice(hits[i].Start, hits[i].End), out var town) ? town : (PlaceEntry?)null)
                             ?? Within(doc, hits, i) ?? Choose(hits[i].Readings, context, home, UsStory, British, localHome);
        // "A Lebanon woman", "Jordan residents", "James Barnes, 20, of Paris": in American local news a country's or
        // a foreign city's name used as a town's is the American town, listed or not. A name so used once is the town
        // wherever it stands in the story.
        HashSet<string>? towns = null;
        foreach (var (d, list) in new[] { (doc, hits), (title, titleHits), (doc, found.Organisations) })
            foreach (var h in list)
                if (d != null && h.Readings[0].Country != "US" && !h.IsCountrySignalOnly && IsTownUse(d, h))
                    (towns ??= new(StringComparer.Ordinal)).Add(d.Slice(h.Start, h.End));
        // Local news: American local cues, or a story placed in an American state, county or town (the story's home
        // alone does not tell, as the name itself votes for its country).
        // Not in a British story ("a Surrey police station"), nor where the story names the name's country otherwise
        // ("London mayor" in a story that says "UK").
        if (towns != null && (Cue() == Local || home == "US" && local.Contains("US")) && !British())
        {
            var namedOtherwise = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (d, list) in new[] { (doc, hits), (title, titleHits) })
                foreach (var h in list)
                    if (d != null && h.Readings[0].Kind is PlaceKind.Country or PlaceKind.Demonym && !towns.Contains(d.Slice(h.Start, h.End)))
                        namedOtherwise.Add(h.Readings[0].Country);
            foreach (var (d, list) in new[] { (doc, hits), (title, titleHits) })
                foreach (var h in list)
                    if (d != null && towns.Contains(d.Slice(h.Start, h.End)) && !namedOtherwise.Contains(h.Chosen.Country))
                        h.Chosen = Array.Find(h.Readings, r => r is { Country: "US", Kind: PlaceKind.City })
                                   is { Name: not null } us ? us : new PlaceEntry(d.Slice(h.Start, h.End), PlaceKind.City, "US", 0, false);
        }
        // Countries given by more than a lone small town.
        foreach (var h in titleHits.Concat(hits))
            if (!IsSmallTown(h.Readings)) firm.Add(h.Chosen.Country);

        var countries = new List<string>();
        // Countries called by their name ("Iraq"), not only by a city or a demonym.
        var named = new HashSet<string>(hits.Where(h => h.Chosen.Kind == PlaceKind.Country).Select(h => h.Chosen.Country), StringComparer.Ordinal);
        var mentions = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        void Count(PlaceHit h, int at) => CountCountry(h.Chosen.Country, at);
        void CountCountry(string c, int at)
        {
            if (c.Length == 0) return;
            if (!mentions.TryGetValue(c, out var m)) countries.Add(c);
            mentions[c] = (m.Count + 1, m.Count == 0 ? at : m.First);
        }
        // "Genova Inc said … Genova said": a town's name that opens a company's name of the story is that company
        // wherever it stands (the headline's "GENOVA" too), unless "in", "at" or "near" make it the town ("the mine
        // disaster at Kinross" of "Kinross Mines Ltd"); not a big city's ("Toronto Sun Publishing Corp" and Toronto).
        HashSet<string>? firmNames = null;
        foreach (var o in found.Organisations)
            if (o.Readings[0].Kind == PlaceKind.City && !IsStrongPlace(o.Readings[0]) && IsCompanyName(doc, o.End, capsForm: false)
                // The name's first word: "Bank of Boston Corp" and "Chemie Linz AG" are named after their towns.
                && !(doc.IsWord(o.Start - 1) && (char.IsUpper(doc[o.Start - 1][0]) || doc[o.Start - 1] == "of")))
                (firmNames ??= new(StringComparer.OrdinalIgnoreCase)).Add(doc.Slice(o.Start, o.End));
        bool IsFirm(TextDocument d, PlaceHit h) =>
            firmNames != null && firmNames.Contains(d.Slice(h.Start, h.End)) && !(d.IsWord(h.Start - 1) && d[h.Start - 1] is "in" or "at" or "near");
        // A country of the headline counts as named in the lead; a small town there is too often a word of a
        // title-case headline ("Semi Overturns") to count.
        foreach (var h in titleHits)
            if (!IsSmallTown(h.Readings) && !IsEventName(title!, h) && !IsFirm(title!, h)) Count(h, 0);
        var placed = new HashSet<string>(hits.Where(h => !h.IsCountrySignalOnly).Select(h => h.Chosen.Country), StringComparer.Ordinal);
        foreach (var h in hits)
        {
            // A small foreign town that nothing else in the story points to is more often a namesake missing from
            // the table ("London, Ky.") or a surname ("Obama") than a trip abroad: its mention stays, without country.
            if (IsSmallTown(h.Readings) && (home != null || firm.Count > 1) && h.Chosen.Country != home && !firm.Contains(h.Chosen.Country))
                h.Chosen = h.Chosen with { Country = "" };
            if (IsListingVenue(doc, h.Start) || IsCompanyOrigin(doc, h.Start) || IsEventName(doc, h)
                || IsFirm(doc, h)) continue;
            // "French students", "Irish dancers": in American local news a demonym alone names a language or a heritage.
            if (h.Readings[0].Kind == PlaceKind.Demonym && !placed.Contains(h.Chosen.Country) && Cue() == Local) continue;
            Count(h, doc.Tokens[h.Start].Start);
        }
        // The euromarket trades in London: a eurobond issue is a London market story, as a futures contract traded on
        // the Chicago Board of Trade is an American one, whoever the borrower is.
        for (var i = 0; i < doc.Tokens.Count; i++)
            if (doc.Tokens[i].Kind == TokenKind.Word && doc.Tokens[i].End - doc.Tokens[i].Start is 8 or 9 && IsEurobond(doc[i]))
                CountCountry("GB", doc.Tokens[i].Start);
        // Nothing counted: the money the story counts in, else its home (American cues, an organisation named after a place).
        // A company named after a place ("Halvorsen Foods Canada Inc") says more than its dollars or legal form.
        var listed = ListedCompany(rawTitle, doc);
        var company = listed != null ? (Country: listed, Opens: true, ByPlace: true) : LeadCompany(doc, found.Organisations);
        if (countries.Count == 0 && ((company.ByPlace ? company.Country : null) ?? Currency() ?? home) is { } money) countries.Add(money);
        // A bare stock symbol in angle brackets ("<NSBA>", not "<CKGH.HK>" or "<PHAB ST>") is an American listing: wire
        // services add an exchange suffix to symbols from elsewhere.
        if (countries.Count == 0 && (HasAmericanTicker(rawTitle) || HasAmericanTicker(doc.Text))) countries.Add("US");
        // The article's countries are the ones it is about: named in the lead or more than once. A country
        // named once in passing deep in the text ("… like Japan did in 1990") stays a place mention only.
        var lead = Math.Max(LeadChars, doc.Text.Length / LeadShare);
        if (countries.Count > 1)
        {
            // A story about many countries at once (a summit, trade talks, a survey of markets: five or more named
            // in the lead or more than once) is about each country it names, also in passing.
            var passing = countries.FindAll(c => mentions[c].Count < MinMentions && mentions[c].First > lead && !(named.Contains(c) && Cue() == Local));
            if (countries.Count - passing.Count < ManyCountries) countries.RemoveAll(passing.Contains);
        }
        // No country in the lead: the money the story counts in says where it happens.
        if (countries.Count > 0 && !countries.Exists(c => mentions.TryGetValue(c, out var m) && m.First <= LeadChars)
            && (listed ?? Currency()) is { } home2 && !countries.Contains(home2))
            countries.Add(home2);
        // The company a business story opens with ("Baird Corp said …", "Hanson Plc has …") is what the story is
        // about, and its legal form says where it is registered. Named later in the first sentence, it only
        // decides a story that names no country.
        if (company is ({ } firmCountry, var opens, _) && !countries.Contains(firmCountry) && (opens || countries.Count == 0))
            countries.Insert(0, firmCountry);
        return countries;
    }

    /// <summary>
    /// The country of the first company named in the first sentence, by its legal form ("Inc", "Corp", "Co" → US,
    /// "Plc" → GB, "AG", "GmbH" → DE; "Ltd" and "SA" are used in too many countries to tell) or by a place in its
    /// name (ByPlace), and whether the company opens the text.
    /// </summary>
    private static (string? Country, bool Opens, bool ByPlace) LeadCompany(TextDocument doc, List<PlaceHit> organisations)
    {
        var (start, end) = doc.Sentences[0];
        var opens = true;
        for (var i = start; i < end; i++)
        {
            // A bare "Co" is American ("Ford Motor Co"); elsewhere it is followed by the legal form ("Co Ltd", "Co Plc").
            if (doc.IsWord(i) && i > start && doc.IsWord(i - 1) && char.IsUpper(doc[i - 1][0])
                && LegalFormCountries.TryGetValue(doc[i], out var c) && !(doc[i] == "Co" && doc.IsWord(i + 1) && char.IsUpper(doc[i + 1][0])))
                return PlaceInCompanyName(doc, organisations, start, i) is { } placed ? (placed, opens, true) : (c, opens, false);
            // Only a capitalised name (possibly in angle brackets) before the suffix: the company opens the text.
            if (doc.IsWord(i) ? !char.IsUpper(doc[i][0]) : !(doc.IsPunct(i, '<') || doc.IsPunct(i, '&') || doc.IsPunct(i, '-') || doc.IsPunct(i, '.')))
                opens = false;
        }
        return (null, false, false);
    }

    /// <summary>"Gillette Canada Inc", "Toronto Sun Publishing Corp", "Power Corp of Canada": a place in the name of
    /// the company (ending with the legal form at <paramref name="form"/>) or after its "of" says where it is
    /// registered better than the legal form, which a subsidiary shares with its parent. <paramref name="organisations"/>
    /// are the places inside organisations' names met in <paramref name="doc"/>.</summary>
    private static string? PlaceInCompanyName(TextDocument doc, List<PlaceHit> organisations, int sentenceStart, int form)
    {
        var nameStart = form;
        while (nameStart > sentenceStart && form - nameStart < MaxCompanyNameTokens
               && (doc.IsWord(nameStart - 1) ? char.IsUpper(doc[nameStart - 1][0]) || doc[nameStart - 1] is "and" or "of" : doc.IsPunct(nameStart - 1, '&') || doc.IsPunct(nameStart - 1, '-')))
            nameStart--;
        var after = doc.IsWord(form + 1) && doc[form + 1] == "of" ? form + 2 : -1;
        // "Ford Motor Co of Canada" beats its parent's name; "Toyota Motor Sales U.S.A. Inc": the place nearest the
        // legal form names the subsidiary. Only a country, province, demonym or city of a million: a town's name in a
        // company's is more often a surname or a word ("Taft Broadcasting Co", "Stanley Interiors Corp").
        string? found = null;
        foreach (var h in organisations)
        {
            if (!(h.Start >= nameStart && h.End <= form || h.Start == after) || OneCountry(h.Readings, ignoreTowns: true) is not { Length: > 0 } c) continue;
            if (!IsStrongPlace(h.Readings[0])) continue;
            found = c;
            if (h.Start == after) break;
        }
        return found;
    }

    private const long MillionCity = 1_000_000;

    /// <summary>A country, province, demonym or city of a million: a name that says where a company is.</summary>
    private static bool IsStrongPlace(PlaceEntry e) =>
        e.Kind is PlaceKind.Country or PlaceKind.Demonym || e is { Kind: PlaceKind.City, Population: >= MillionCity }
        // An English county (a million people by the table) is a firm's name as often ("Berkshire Gas Co").
        || e is { Kind: PlaceKind.Region, Population: > MillionCity };

    // The country a legal form tells; Lexicon.LegalForms are all the forms that mark a firm.
    private static readonly Dictionary<string, string> LegalFormCountries = WordList.Table("legal-form-countries.tsv");

    /// <summary>"Carthage, N.C.", "Chatham, Ontario": a town followed by its state or country lies there, even when
    /// the table knows only a bigger namesake elsewhere.</summary>
    private static PlaceEntry? InStateOrCountry(TextDocument doc, List<PlaceHit> hits, int i)
    {
        var h = hits[i];
        // "Palestine, Texas", "Lebanon, Ohio": a country's name followed by a state is a town there.
        var country = h.Readings[0].Kind == PlaceKind.Country;
        if (i + 1 >= hits.Count || h.Readings[0].Kind != PlaceKind.City && !country) return null;
        var next = hits[i + 1];
        if (next.Start != h.End + 1 || !doc.IsPunct(h.End, ',') || next.Readings[0].Kind is not (PlaceKind.Region or PlaceKind.Country)
            || country && next.Readings[0].Kind != PlaceKind.Region
            || OneCountry(next.Readings) is not { Length: > 0 } c)
            return null;
        foreach (var r in h.Readings)
            if (r.Country == c && (!country || r.Kind == PlaceKind.City)) return r;
        if (country) return new PlaceEntry(doc.Slice(h.Start, h.End), PlaceKind.City, c, 0, false);
        return h.Readings[0] with { Country = c, Population = 0 };
    }

    /// <summary>"London's West End", "Surrey's Lionhead": a place right after another's possessive lies in the first
    /// one's country, even when the table only knows a namesake elsewhere (a part of Vancouver).</summary>
    private static PlaceEntry? Within(TextDocument doc, List<PlaceHit> hits, int i)
    {
        if (i == 0) return null;
        var (outer, h) = (hits[i - 1], hits[i]);
        if (outer.End + 1 != h.Start || !doc.Is(outer.End, TokenKind.Possessive) || h.IsCountrySignalOnly || outer.IsCountrySignalOnly
            || outer.Chosen.Country is not { Length: > 0 } c || h.Readings[0].Kind is not (PlaceKind.City or PlaceKind.Region))
            return null;
        foreach (var r in h.Readings)
            if (r.Country == c) return r;
        return IsSmallTown(h.Readings) ? h.Readings[0] with { Country = c, Population = 0 } : null;
    }

    // "Henderson County", "Palm Beach County": a US county's name is up to three capitalised words before "County".
    private const int MaxCountyNameWords = 3;
    // "British Petroleum Co Plc": up to four capitalised words (or "and") and then the legal form after a name.
    private const int CompanyTailTokens = 5;
    // "Toronto Sun Publishing Corp": how far back a company's name reaches from its legal form.
    private const int MaxCompanyNameTokens = 6;
    // The splitter may end the first sentence inside a ticker symbol ("<TORT." before "T>"): characters read on.
    private const int SymbolOverrunChars = 5;

    // Measured on Reuters-21578 TRAIN and LGL: the lead is the first 300 characters or fifth of the text.
    private const int LeadChars = 300;
    private const int LeadShare = 5;
    private const int MinMentions = 2;
    private const int ManyCountries = 5;
    private const long SmallTown = 200_000;

    /// <summary>
    /// "Toray Industries Inc <TORT.T>", "BASF <BASF.F> SAYS …": a stock symbol with the suffix of its exchange, in the
    /// headline or the first sentence, gives the country where the company the story is about is listed.
    /// </summary>
    private static string? ListedCompany(string? rawTitle, TextDocument doc)
    {
        if (ExchangeCountry(rawTitle, 0, rawTitle?.Length ?? 0) is { } c) return c;
        if (doc.Sentences.Count == 0) return null;
        var (start, end) = doc.Sentences[0];
        // The splitter may end the sentence inside a symbol ("<TORT." before "T>"): read a few characters on.
        return end > start ? ExchangeCountry(doc.Text, doc.Tokens[start].Start, Math.Min(doc.Text.Length, doc.Tokens[end - 1].End + SymbolOverrunChars)) : null;
    }

    private static string? ExchangeCountry(string? text, int from, int to)
    {
        if (text == null) return null;
        for (var m = ExchangeSymbol().Match(text, from, to - from); m.Success; m = m.NextMatch())
            if (ExchangeSuffixes.TryGetValue(m.Groups[1].Value, out var c)) return c;
        return null;
    }

    /// <summary>A symbol and its exchange suffix in angle brackets or parentheses: "&lt;TORT.T&gt;", "(BASF.F)".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[<(][A-Z0-9]{1,6}\.([A-Z]{1,3})[>)]")]
    private static partial System.Text.RegularExpressions.Regex ExchangeSymbol();

    // Exchange suffixes of wire-service stock symbols. Left out: ".N" and ".O" (New York and Nasdaq also list foreign
    // companies) and ".S" (Sydney in older codes, Swiss in newer ones).
    private static readonly Dictionary<string, string> ExchangeSuffixes = WordList.Table("exchange-suffixes.tsv");

    private static bool IsEurobond(string word) =>
        word.Equals("eurobond", StringComparison.OrdinalIgnoreCase) || word.Equals("eurobonds", StringComparison.OrdinalIgnoreCase);

    private static bool HasAmericanTicker(string? text) =>
        text != null && BareSymbol().Matches(text).Any(m => !HtmlTags.Contains(m.Groups[1].Value));

    /// <summary>A bare symbol in angle brackets, without an exchange suffix: "&lt;NSBA&gt;".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("<([A-Z]{1,5})>")]
    private static partial System.Text.RegularExpressions.Regex BareSymbol();

    // Markup left in web text ("<B>", "<BR>") is no stock symbol.
    private static readonly HashSet<string> HtmlTags = WordList.Set("html-tags.txt");

    /// <summary>"A Lebanon woman", "Jordan Elementary School", "Mary Smith, 41, of Malta": a town's name in local news.</summary>
    private static bool IsTownUse(TextDocument doc, PlaceHit h)
    {
        if (doc.IsWord(h.End) && doc.Tokens[h.End].Start == doc.Tokens[h.End - 1].End + 1 && TownNouns.Contains(doc[h.End])) return true;
        // ", 20, of Paris": the home town of a person named with their age.
        var k = h.Start - 1;
        return doc.IsWord(k) && doc[k] == "of" && doc.IsPunct(k - 1, ',') && doc.Is(k - 2, TokenKind.Number) && doc.IsPunct(k - 3, ',');
    }

    private static readonly HashSet<string> TownNouns = WordList.Set("town-nouns.txt");

    /// <summary>"The Paris accord", "the Paris Club", "Geneva talks", "talks in Geneva", "the Geneva-based GATT": a city
    /// naming an agreement, a meeting or a group, where a meeting was held or where an organisation sits, is a place
    /// mention, but the story is about the agreement or the organisation, not the city's country.</summary>
    private static bool IsEventName(TextDocument doc, PlaceHit h)
    {
        if (h.Readings[0].Kind != PlaceKind.City) return false;
        var caps = Lexicon.IsAllCaps(doc[h.Start]);
        var next = After(doc, h.End);
        if (doc.IsWord(next) && (next > h.End || doc.Tokens[next].Start == doc.Tokens[h.End - 1].End + 1))
        {
            if (IsEventNoun(doc[next], EventNouns)) return true;
            // "last month's Paris currency agreement", "the Geneva superpower talks": an agreement's noun may come a
            // word or two later; not after a preposition ("Moscow for talks").
            for (var n = 0; n < MaxEventModifiers && doc.IsWord(next) && (char.IsLower(doc[next][0]) || caps && Lexicon.IsAllCaps(doc[next]))
                            && !SpeakerWords.FunctionWords.Contains(doc[next].ToLowerInvariant()); n++)
                if (doc.IsWord(next = After(doc, next + 1)) && IsEventNoun(doc[next], AgreementNouns)) return true;
        }
        // "the Geneva-based GATT": where an organisation sits.
        if (doc.IsPunct(h.End, '-') && doc.IsWord(h.End + 1) && doc[h.End + 1] == "based") return true;
        // "ministers met in Paris", "the meeting in Geneva", "the draft treaty text at Geneva": where a meeting was held.
        var k = Before(doc, h.Start);
        if (!doc.IsWord(k) || !(doc[k] is "in" or "at" || caps && doc[k] is "IN" or "AT")) return false;
        var noun = Before(doc, k);
        // "the agreement among industrial nations in Paris", "the accord reached in Paris": a few words between.
        return doc.IsWord(noun) && IsEventNoun(doc[noun], EventNouns) || MeetingNounBefore(doc, noun);
    }

    /// <summary>A noun of <paramref name="nouns"/>, also spelled in capitals in an all-caps headline ("PARIS ACCORD").</summary>
    private static bool IsEventNoun(string word, HashSet<string> nouns) =>
        nouns.Contains(word) || word.Length > 1 && Lexicon.IsAllCaps(word) && nouns.Contains(word.ToLowerInvariant());

    /// <summary>How many lowercase words may stand between a city and its agreement's noun ("Paris currency stability accord").</summary>
    private const int MaxEventModifiers = 2;

    /// <summary>The token before <paramref name="k"/>, looking through the break of a hard-wrapped line (wire copy
    /// wraps "the latest talks\nin Geneva" anywhere).</summary>
    private static int Before(TextDocument doc, int k) => doc.WrapsLine(k - 1) ? k - 2 : k - 1;

    /// <summary>The token at <paramref name="k"/>, or after it when it only wraps a line.</summary>
    private static int After(TextDocument doc, int k) => doc.WrapsLine(k) ? k + 1 : k;

    /// <summary>How far before "in" a meeting's noun may stand, within the clause.</summary>
    private const int MeetingWindow = 6;

    private static bool MeetingNounBefore(TextDocument doc, int k)
    {
        // Numbers are words of the clause too ("meet for 12 days in Geneva").
        for (var (j, n) = (k, 0); n < MeetingWindow && (doc.IsWord(j) || doc.Is(j, TokenKind.Number)); j = Before(doc, j), n++)
            if (doc.IsWord(j) && IsEventNoun(doc[j], MeetingNouns)) return true;
        return false;
    }

    private static readonly HashSet<string> EventNouns = WordList.Set("event-nouns.txt");
    private static readonly HashSet<string> MeetingNouns = WordList.Set("meeting-nouns.txt");
    private static readonly HashSet<string> AgreementNouns = WordList.Set("agreement-nouns.txt");

    /// <summary>"The bonds will be listed in Luxembourg": where a security trades is not what the story is about.</summary>
    private static bool IsListingVenue(TextDocument doc, int start)
    {
        var k = start - 1;
        if (doc.IsWord(k) && doc[k] == "the") k--;
        return doc.IsWord(k) && doc[k] is "in" or "on" && doc.IsWord(k - 1) && doc[k - 1] is "listed" or "listing" or "quoted";
    }

    private static bool IsSmallTown(PlaceEntry[] readings) =>
        Array.TrueForAll(readings, r => r is { Kind: PlaceKind.City, Capital: false, Population: < SmallTown });

    private static string? OneCountry(PlaceEntry[] readings, bool ignoreTowns = false)
    {
        var c = readings[0].Country;
        foreach (var r in readings)
            // With ignoreTowns, a country's or a province's name stands for it even where a town abroad shares it.
            // Not a county or division from GeoNames that competes with towns by its people ("Cornwall", Connecticut).
            if (r.Country != c && !(ignoreTowns && (readings[0].Kind == PlaceKind.Country || readings[0] is { Kind: PlaceKind.Region, Population: >= Gaz.RegionOutranks })
                                    && r.Kind == PlaceKind.City)) return null;
        return c;
    }

    private static PlaceEntry Choose(PlaceEntry[] readings, HashSet<string> context, string? home, Func<bool> local, Func<bool> british, bool localHome)
    {
        var top = readings[0];
        if (readings.Length == 1) return top;
        // A capital or a state's seat of a million ("Paris") is a small namesake ("Paris", Texas) of the story's country only
        // in a story placed in a state, county or town of that country, never of another country the story names ("met
        // in Paris" in a story placed in Tokyo); in a British story no namesake is ("London" in a BBC story about Toronto).
        bool Outranked(PlaceEntry r) => top.Kind == PlaceKind.City && (top.Capital || top.Seat && top.Population >= MillionCity)
            && r is { Kind: PlaceKind.City, Capital: false } && (r.Population < SmallTown && !(localHome && r.Country == home) || british());
        // A name read first as a big city ("Athens") is a town of the story's home country when the story is
        // placed there; a country's name ("Lebanon") only in a local story. Otherwise a namesake in a country the
        // story names wins over the biggest.
        // A province or state ("Ontario") is not taken for a city namesake.
        // A British story's namesake is the British one ("Newcastle" is on the Tyne, not in New South Wales), also in
        // a story about another country, unless that is the top reading's.
        // (The text is scanned for British cues only when a British namesake is there to take.)
        if (top.Kind is PlaceKind.City or PlaceKind.Region && top.Country != "GB" && top.Country != home && !top.Capital
            && Array.Exists(readings, r => r.Country == "GB") && british())
            foreach (var r in readings)
                if (r.Country == "GB") return r;
        if (home != null && (top.Kind != PlaceKind.Region || top.Population < Gaz.RegionOutranks))
            foreach (var r in readings)
                if (r.Country == home && (top.Kind != PlaceKind.Country || r.Kind != PlaceKind.City || local()) && !Outranked(r)) return r;
        if (top.Kind is not (PlaceKind.City or PlaceKind.Region)) return top;
        foreach (var r in readings)
            if (context.Contains(r.Country) && !Outranked(r)) return r;
        return top;
    }

    /// <summary>
    /// Signs of an American story: 2 for a local one ("$1.2 million", a sheriff or trooper, "Loudon Co.",
    /// "(R-Texas)", a township, selectmen, "7 p.m."), 1 for American usage only ("percent", party labels), else 0.
    /// </summary>
    private static int UsCue(TextDocument doc)
    {
        var level = 0;
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            var k = doc.Tokens[i].Kind;
            if (k == TokenKind.Punct && doc.Text[doc.Tokens[i].Start] == '$' && doc.Is(i + 1, TokenKind.Number)) return Local;
            if (k != TokenKind.Word) continue;
            // Look at the word only when its length and first letter can match (no substring for every token).
            var len = doc.Tokens[i].End - doc.Tokens[i].Start;
            var first = doc.Text[doc.Tokens[i].Start];
            // A party tag: "Westrom, R-Elbow Lake," / "(D-Calif.)".
            if (len == 1 && first is 'R' or 'D' && (doc.IsPunct(i - 1, ',') || doc.IsPunct(i - 1, '(')) && doc.IsPunct(i + 1, '-')
                && doc.IsWord(i + 2) && char.IsUpper(doc[i + 2][0]) && doc.Tokens[i + 1].Start == doc.Tokens[i].End) return Local;
            // "Police Department", "Fire Chief": American municipal services.
            if ((len == 10 && first == 'D' && doc[i] == "Department" || len == 5 && first == 'C' && doc[i] == "Chief")
                && doc.IsWord(i - 1) && doc[i - 1] is "Police" or "Fire") return Local;
            if (len is >= 3 and <= 12 && UsWordLookup.TryGetValue(doc.Text.AsSpan(doc.Tokens[i].Start, len), out var l))
            {
                if (l == Local) return Local;
                level = l;
            }
            if (len == 2 && first == 'C' && doc[i] == "Co" && doc.IsPunct(i + 1, '.') && i > 0 && doc.IsWord(i - 1)
                && char.IsUpper(doc[i - 1][0]) && !doc.IsPunct(i + 2, ',')) return Local;
        }
        return level;
    }

    private const int Local = 2;

    /// <summary>
    /// A story written in Britain: its domestic institutions and politics (Westminster, the Commons, MPs, the NHS,
    /// Tories, Labour) and "£" count 2, British spelling ("colour", "programme") 1, American usage takes 1 off; a
    /// British story scores at least 2.
    /// </summary>
    private static bool BritishCue(TextDocument doc)
    {
        var score = 0;
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            var tok = doc.Tokens[i];
            var len = tok.End - tok.Start;
            if (tok.Kind == TokenKind.Punct && len == 1)
            {
                var c = doc.Text[tok.Start];
                // Dollars say nothing: British news reports American money in them.
                if (c == '£') score += Local;
                continue;
            }
            if (tok.Kind != TokenKind.Word || len is < 2 or > 12) continue;
            var word = doc.Text.AsSpan(tok.Start, len);
            if (UkWordLookup.TryGetValue(word, out var l)) score += l;
            else if (len >= 3 && UsWordLookup.TryGetValue(word, out _)) score--;
        }
        return score >= Local;
    }

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UkWordLookup =
        CueLevels("uk-words.txt", "uk-local-words.txt").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UsWordLookup =
        CueLevels("us-words.txt", "us-local-words.txt").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cue words by level: 1 for usage (<paramref name="usage"/>), <see cref="Local"/> for local news.</summary>
    private static Dictionary<string, int> CueLevels(string usage, string local)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in WordList.Read(usage)) levels[w] = 1;
        foreach (var w in WordList.Read(local)) levels[w] = Local;
        return levels;
    }

    /// <summary>
    /// An article that names no place at all may still name its money ("5 mln dlrs", "300 billion yen"): the
    /// currency's home country is then the best guess of where the story is.
    /// </summary>
    private static string? CurrencyCountry(TextDocument doc, TextDocument? title)
    {
        string? code = null;
        for (var i = 0; i < doc.Tokens.Count && code == null; i++)
        {
            var tok = doc.Tokens[i];
            if (tok.Kind == TokenKind.Punct && doc.Text[tok.Start] == '$') code = "US";
            if (tok.Kind != TokenKind.Word || tok.End - tok.Start is < 3 or > 8) continue;
            // Compared in place: no substring per token (this runs over every article's text). Lowercase only:
            // "Sterling Software" is a name, not money.
            if (doc.Text[tok.Start] is not ('d' or 'c' or 'y' or 's' or 'r' or 'l' or 'g' or 'b' or 'm' or 'p' or 'k' or 'e')) continue;
            // "the yen/dollar rate" is an exchange rate, not the money the story counts in.
            if (doc.IsPunct(i + 1, '/') || doc.IsPunct(i - 1, '/')) continue;
            if (CurrencyLookup.TryGetValue(doc.Text.AsSpan(tok.Start, tok.End - tok.Start), out var c)
                // "marks" is money only after an amount ("40 million marks"), not in "marks the first time".
                && (c != "DE" || doc.Is(i - 1, TokenKind.Number) || doc.IsWord(i - 1) && doc[i - 1] is "million" or "billion" or "mln" or "bln"))
                code = c;
        }
        // Dollars are also Canadian, Australian, Hong Kong money: a company named the British way ("Ivaco Ltd")
        // and not the American way counts in one of those, which one the text does not say.
        var style = title == null ? CompanyStyle(doc) : Stronger(CompanyStyle(doc), CompanyStyle(title));
        if (code == "US" && style == 'B') return null;
        // Last resort: a company named the American way ("Reichhold Chemicals Inc", "Baird Corp").
        return code ?? (style == 'A' ? "US" : null);
    }

    private static char Stronger(char a, char b) => a == 'A' || b == 'A' ? 'A' : a == 'B' || b == 'B' ? 'B' : '\0';

    /// <summary>'A' for a company named the American way ("Baird Corp"), else 'B' for the British way
    /// ("Ivaco Ltd"), else '\0'.</summary>
    private static char CompanyStyle(TextDocument doc)
    {
        var style = '\0';
        for (var i = 1; i < doc.Tokens.Count; i++)
        {
            var tok = doc.Tokens[i];
            if (tok.Kind != TokenKind.Word || doc.Text[tok.Start] is not ('I' or 'C' or 'L') || tok.End - tok.Start is < 3 or > 12) continue;
            if (!doc.IsWord(i - 1) || !char.IsUpper(doc[i - 1][0])) continue;
            if (doc[i] is "Inc" or "Corp" or "Incorporated" or "INC" or "CORP") return 'A';
            if (doc[i] is "Ltd" or "Limited" or "LTD") style = 'B';
        }
        return style;
    }

    private static readonly Dictionary<string, string> Currencies = WordList.Table("currencies.tsv");

    /// <summary>Looks a word up by span, without a substring (thread-safe for reads).</summary>
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CurrencyLookup =
        Currencies.GetAlternateLookup<ReadOnlySpan<char>>();
}
