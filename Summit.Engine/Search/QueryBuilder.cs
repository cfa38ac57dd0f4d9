using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Summit.Engine.Index;
using LuceneQueryBuilder = Lucene.Net.Util.QueryBuilder;

namespace Summit.Engine.Search;

/// <summary>Which documents a query runs against: articles (title, quotes, body) or quote documents (quote text).</summary>
public enum SearchTarget { Articles, Quotes }

/// <summary>
/// Turns a parsed query (<see cref="QuerySyntax"/>) into a Lucene query. Every word searches the stemmed text
/// fields with boosts (title &gt; quote &gt; body) and their unstemmed twins at half the boost, so the exact word
/// ranks above its stemmed relatives; a country name also matches the country facet. Scopes go to one field.
/// One instance per request, for the reader it searches.
/// </summary>
public sealed class QueryBuilder(Analyzer analyzer, Vocabulary vocabulary, IndexReader reader, SearchTarget target, FuzzyExpansions? typos = null)
{
    public const float TitleBoost = 3f;
    public const float QuoteBoost = 2f;
    public const float BodyBoost = 1f;
    public const float ExactFactor = 0.5f;
    public const float FuzzyFactor = 0.3f;
    private const float CountryBoost = 0.3f;

    private readonly LuceneQueryBuilder _lucene = new(analyzer);
    // A text is analysed alike for every stemmed field and alike for every exact twin (SummitSchema.CreateAnalyzer),
    // so its query is made once per kind and moved to each field: a word is looked up in three fields and two forms.
    private readonly Dictionary<(bool Exact, string Text, int Slop), Query?> _analysed = [];
    private readonly TermStates _states = TermStates.For(reader);
    // Stop words ("the", "with") match only the unstemmed fields; next to other words they rank but do not filter.
    private readonly HashSet<Query> _stopWords = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Builds the query for its matches only: the same documents, found without the unstemmed twins (every
    /// document with the exact word has its stem) and without the proximity boost. Its scores mean nothing.
    /// </summary>
    public bool MatchOnly { get; init; }

    /// <summary>True when the last <see cref="Build"/> added edit-distance matches.</summary>
    public bool UsedTypoTolerance { get; private set; }

    // The query budget: no query is expensive on purpose. Expanding a misspelt word walks the term dictionary of
    // three fields with a Levenshtein automaton, which costs more than an ordinary search; a query of 64 made-up
    // words cost 64 times that. So typo tolerance goes to the first few misspelt words of a query (in the order
    // typed), two edits to the first of them only, each expanding to at most FuzzyQuery's 50 terms per field, and
    // to words short enough to be words.

    /// <summary>Misspelt words per query that get typo tolerance; the others are searched as typed.</summary>
    public const int MaxTypoWords = 3;
    /// <summary>Longest word corrected: a Levenshtein automaton grows with the word, and longer words are rarely words.</summary>
    public const int MaxTypoLength = 20;
    /// <summary>Misspelt words per query that get two edits (the first ones typed with 8+ letters); later ones get one.</summary>
    public const int MaxTwoEditWords = 1;
    /// <summary>Terms one misspelt word expands to in one field (<see cref="FuzzyQuery"/>'s default).</summary>
    public const int MaxTypoExpansions = 50;

    private readonly List<string> _typoWords = [];
    private readonly Dictionary<string, (string Token, int Edits)> _typoTexts = new(StringComparer.Ordinal);

    /// <summary>The misspelt words (as the unstemmed fields index them) given typo tolerance, at most <see cref="MaxTypoWords"/>.</summary>
    public IReadOnlyList<string> TypoWords => _typoWords;

    /// <summary>Misspelt words searched as typed because the query's typo budget was spent.</summary>
    public int TypoWordsOverBudget { get; private set; }

    /// <summary>The edits a word of this query, folded by <see cref="TextFolding.Fold"/> (as highlighting folds
    /// it), was matched with: null when it got none (it is not misspelt, or the query's typo budget was spent).</summary>
    public int? TypoEdits(string folded) => _typoTexts.TryGetValue(folded, out var typo) ? typo.Edits : null;

    /// <summary>A word of this query given typo tolerance (folded) as the unstemmed fields index it, the word its
    /// expansions (<see cref="FuzzyExpansions.For(string, string)"/>) are kept under; null for any other word.</summary>
    public string? TypoToken(string folded) => _typoTexts.TryGetValue(folded, out var typo) ? typo.Token : null;

    /// <summary>The Lucene query, or null when the node contains nothing searchable.</summary>
    public Query? Build(QueryNode node) => node switch
    {
        WordNode w => Word(w),
        PhraseNode p => Phrase(p.Text, p.Scope),
        NotNode n => Exclude(n),
        AndNode a => And(a),
        OrNode o => Or(o),
        _ => null,
    };

    /// <summary>
    /// A word is corrected only when it has letters alone (digits mark codes and ids, never typos), is long enough,
    /// and occurs nowhere in the index: a real word is never swapped for its neighbours.
    /// </summary>
    public static bool IsLikelyTypo(string exactToken, IndexReader reader) =>
        AllowedEdits(exactToken) > 0 && exactToken.All(char.IsLetter)
        && TermStates.For(reader) is var states
        && states.DocFreq(new Term(SummitSchema.BodyExact, exactToken)) == 0
        && states.DocFreq(new Term(SummitSchema.TitleExact, exactToken)) == 0
        && states.DocFreq(new Term(SummitSchema.QuoteExact, exactToken)) == 0;

    /// <summary>Words long enough to be corrected: 5+ letters tolerate one edit, 8+ two; none beyond
    /// <see cref="MaxTypoLength"/>.</summary>
    public static int AllowedEdits(string word) => word.Length > MaxTypoLength ? 0 : word.Length >= 8 ? 2 : word.Length >= 5 ? 1 : 0;

    private (string Field, float Boost)[] TextFields(QueryScope scope) => (target, scope) switch
    {
        (_, QueryScope.Title) => [(SummitSchema.Title, 1f)],
        (SearchTarget.Quotes, _) => [(SummitSchema.QuoteText, 1f)],
        (_, QueryScope.Quote) => [(SummitSchema.Quote, 1f)],
        _ => [(SummitSchema.Title, TitleBoost), (SummitSchema.Quote, QuoteBoost), (SummitSchema.Body, BodyBoost)],
    };

    private Query? Word(WordNode word)
    {
        var query = WordQuery(word);
        if (!MatchOnly || query is not BooleanQuery { Clauses: { Count: > 0 } clauses } words
            || !clauses.All(c => c.Occur == Occur.SHOULD && c.Query is TermQuery)) return query;
        // Only the matches count: the word's terms' postings are read into a bit set, not scored as a disjunction.
        var any = new ConstantScoreQuery(new AnyTermFilter(_states, [.. clauses.Select(c => ((TermQuery)c.Query).Term)]));
        if (_stopWords.Remove(words)) _stopWords.Add(any);
        return any;
    }

    private Query? WordQuery(WordNode word)
    {
        switch (word.Scope)
        {
            case QueryScope.Speaker: return Names(SummitSchema.Speaker, word.Text, word.Prefix);
            case QueryScope.Person: return Names(SummitSchema.Person, word.Text, word.Prefix);
            case QueryScope.Country: return Country(word.Text, word.Prefix);
        }
        if (word.Prefix) return Prefix(word);
        var query = Phrase(word.Text, word.Scope) as BooleanQuery;
        if (query is not null && PhraseIn(SummitSchema.Body, word.Text) is null) _stopWords.Add(query);
        if (query is null || typos is null) return query;
        var exact = ExactToken(word.Text);
        if (exact is null || !IsLikelyTypo(exact, typos.Reader)) return query;
        if (!_typoWords.Contains(exact))
        {
            if (_typoWords.Count >= MaxTypoWords)
            {
                TypoWordsOverBudget++;
                return query;
            }
            _typoWords.Add(exact);
        }
        _typoTexts[TextFolding.Fold(word.Text)] = (exact, typos.EditsFor(exact));
        foreach (var (field, boost) in TextFields(word.Scope))
            query.Add(typos.For(SummitSchema.ExactTwin(field)!, exact, boost * FuzzyFactor), Occur.SHOULD);
        UsedTypoTolerance = true;
        return query;
    }

    private Query? Phrase(string text, QueryScope scope)
    {
        switch (scope)
        {
            case QueryScope.Speaker: return Names(SummitSchema.Speaker, text, false);
            case QueryScope.Person: return Names(SummitSchema.Person, text, false);
            case QueryScope.Country: return Country(text, false);
        }
        var query = new FieldsDisjunction();
        foreach (var (field, boost) in TextFields(scope))
        {
            var stemmed = Cached(PhraseIn(field, text));
            var exact = Cached(PhraseIn(SummitSchema.ExactTwin(field)!, text));
            if (stemmed is not null && exact is not null && (MatchOnly || SameDocuments(stemmed, exact)))
            {
                // The word has no other form in the index, so its unstemmed twin would match the same documents
                // and tell nothing about which form was typed: its weight joins the stemmed clause instead, and its
                // postings (as long as the stemmed ones) are not walked. Most frequent words are like this.
                stemmed.Boost = boost * (1 + ExactFactor);
                query.Add(stemmed, Occur.SHOULD);
                continue;
            }
            if (stemmed is not null && exact is not null && (stemmed is not TermQuery || exact is not TermQuery))
            {
                // A phrase: every document with its exact words in a row has their stems there too, so the exact
                // phrase, which costs a walk through the positions of every document holding its words, is only
                // looked for where the stemmed phrase matched. Scored as the two side by side.
                stemmed.Boost = boost;
                exact.Boost = boost * ExactFactor;
                query.Add(new ExactTwinPhrase(stemmed, exact), Occur.SHOULD);
                continue;
            }
            if (stemmed is not null)
            {
                stemmed.Boost = boost;
                query.Add(stemmed, Occur.SHOULD);
            }
            if (exact is not null)
            {
                exact.Boost = boost * ExactFactor;
                query.Add(exact, Occur.SHOULD);
            }
        }
        if (scope == QueryScope.Any && Countries.ResolveName(text) is { } code)
            query.Add(_states.Cached(new TermQuery(new Term(SummitSchema.Country, code)) { Boost = CountryBoost }), Occur.SHOULD);
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>True when a word's exact term occurs in exactly the documents of its stemmed term. Every document
    /// with the exact form has its stem too, so equal document counts mean equal sets.</summary>
    private bool SameDocuments(Query stemmed, Query exact) =>
        stemmed is TermQuery s && exact is TermQuery e && _states.DocFreq(s.Term) == _states.DocFreq(e.Term);

    /// <summary>A one-word query with its term state from the reader's cache (<see cref="TermStates"/>).</summary>
    private Query? Cached(Query? query) => query is null ? null : _states.Cached(query);

    private Query? Prefix(WordNode word)
    {
        var prefix = ExactToken(word.Text);
        if (prefix is null) return null;
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in TextFields(word.Scope))
            query.Add(new PrefixQuery(new Term(SummitSchema.ExactTwin(field)!, prefix)) { Boost = boost }, Occur.SHOULD);
        return query;
    }

    /// <summary>
    /// What Lucene's <c>CreatePhraseQuery(field, text, slop)</c> gives: a term query for one word, a phrase for several,
    /// null for none. Made from the text's query for the body or its exact twin.
    /// </summary>
    internal Query? PhraseIn(string field, string text, int slop = 0)
    {
        var exact = SummitSchema.IsExactTwin(field);
        if (!_analysed.TryGetValue((exact, text, slop), out var made))
            _analysed[(exact, text, slop)] = made = _lucene.CreatePhraseQuery(exact ? SummitSchema.BodyExact : SummitSchema.Body, text, slop);
        switch (made)
        {
            case null: return null;
            case TermQuery term: return new TermQuery(new Term(field, term.Term.Bytes));
            case PhraseQuery phrase:
                var moved = new PhraseQuery { Slop = phrase.Slop };
                var (terms, positions) = (phrase.GetTerms(), phrase.GetPositions());
                for (var i = 0; i < terms.Length; i++) moved.Add(new Term(field, terms[i].Bytes), positions[i]);
                return moved;
            default: return _lucene.CreatePhraseQuery(field, text, slop);
        }
    }

    /// <summary>The word as the unstemmed fields index it (lower case, accents folded); null when it has no letters.</summary>
    public string? ExactToken(string text)
    {
        using var stream = analyzer.GetTokenStream(SummitSchema.BodyExact, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        string? first = null;
        if (stream.IncrementToken()) first = term.ToString();
        stream.End();
        return first;
    }

    private Query Names(string field, string text, bool prefix)
    {
        var names = vocabulary.Match(field, text, prefix).Take(1000).ToList();
        // A name nobody has is a legitimate empty result (the facet shows who does), not an error.
        if (names.Count == 0) return new TermQuery(new Term(field, text));
        var forms = new ConstantScoreQuery(new TermsFilter(names.SelectMany(n => vocabulary.IndexedForms(field, n)).Distinct(StringComparer.Ordinal)
            .Select(n => new Term(field, n)).ToList()));
        // And the articles whose ambiguous surname their evidence gave to one of these persons, as the filters find them.
        var resolved = names.Select(n => vocabulary.ResolvedFilter(field, n)).OfType<Filter>().ToList();
        if (resolved.Count == 0) return forms;
        var anyOf = new BooleanQuery { { forms, Occur.SHOULD } };
        foreach (var filter in resolved) anyOf.Add(new ConstantScoreQuery(filter), Occur.SHOULD);
        return new ConstantScoreQuery(anyOf);
    }

    private Query Country(string text, bool prefix)
    {
        if (prefix)
        {
            var folded = TextFolding.Fold(text);
            var codes = Countries.All.Where(kv => TextFolding.Fold(kv.Value).Split(' ').Any(w => w.StartsWith(folded, StringComparison.Ordinal)))
                .Select(kv => new Term(SummitSchema.Country, kv.Key)).ToList();
            if (codes.Count == 0)
                throw new QuerySyntaxException($"No country name starts with '{text}'; use a name like Japan or a code like JP.");
            return new ConstantScoreQuery(new TermsFilter(codes));
        }
        var code = Countries.Resolve(text)
            ?? throw new QuerySyntaxException($"'{text}' is not a country this search knows; use a name like Japan or a two-letter code like JP.");
        return new ConstantScoreQuery(new TermQuery(new Term(SummitSchema.Country, code)));
    }

    private Query? Exclude(NotNode node)
    {
        if (Build(node.Child) is not { } child) return null;
        return new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { child, Occur.MUST_NOT } };
    }

    private Query? And(AndNode node)
    {
        var query = new BooleanQuery();
        var included = new List<Query>();
        foreach (var child in node.Children)
        {
            if (child is NotNode not)
            {
                if (Build(not.Child) is { } excluded) query.Add(excluded, Occur.MUST_NOT);
            }
            else if (Build(child) is { } built)
            {
                included.Add(built);
            }
        }
        var allStopWords = included.All(_stopWords.Contains);
        foreach (var clause in included)
            query.Add(clause, allStopWords || !_stopWords.Contains(clause) ? Occur.MUST : Occur.SHOULD);
        if (query.Clauses.Count == 0) return null;
        if (included.Count == 0) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        if (Proximity(node) is { } near) query.Add(near, Occur.SHOULD);
        return query;
    }

    /// <summary>Plain words typed side by side rank higher where they stand close together in that order
    /// (a sloppy phrase over the unstemmed fields), as if they had been quoted.</summary>
    private Query? Proximity(AndNode node)
    {
        if (MatchOnly) return null;
        var words = node.Children.OfType<WordNode>().Where(w => !w.Prefix && w.Scope is QueryScope.Any or QueryScope.Title or QueryScope.Quote).ToList();
        if (words.Count < 2 || words.Select(w => w.Scope).Distinct().Count() > 1) return null;
        // A sloppy phrase costs more with every word, and far more with repeated words: a long query is boosted
        // for its leading words only.
        var text = string.Join(' ', words.Take(MaxProximityWords).Select(w => w.Text));
        var near = new FieldsDisjunction();
        foreach (var (field, boost) in TextFields(words[0].Scope))
        {
            if (Cached(PhraseIn(SummitSchema.ExactTwin(field)!, text, ProximitySlop)) is { } phrase)
            {
                phrase.Boost = boost * ExactFactor;
                near.Add(phrase, Occur.SHOULD);
            }
        }
        return near.Clauses.Count == 0 ? null : near;
    }

    private const int ProximitySlop = 3;

    /// <summary>Leading plain words that rank higher when close together; longer queries are not boosted beyond them.</summary>
    public const int MaxProximityWords = 8;

    private Query? Or(OrNode node)
    {
        var query = new BooleanQuery();
        foreach (var child in node.Children)
            if (Build(child) is { } built) query.Add(built, Occur.SHOULD);
        return query.Clauses.Count == 0 ? null : query;
    }
}
