using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Search;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Search;

public sealed class SnippetsTests
{
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = SummitSchema.CreateAnalyzer();

    private HighlightTerms Terms(string query) => HighlightTerms.From(QuerySyntax.Parse(query), _analyzer, typoTolerant: false);

    [Fact]
    public void Picks_matching_sentences_and_marks_stemmed_words()
    {
        var text = "The weather was fine. Leaders talked about trade. Nothing else happened.";

        var passages = Snippets.Passages(text, Terms("talks"), _analyzer);

        Assert.Equal(["Leaders <mark>talked</mark> about trade."], passages);
    }

    [Fact]
    public void A_transcript_speakers_capitalised_title_stays_with_the_sentence()
    {
        var text = "Thank you all.\nMR. SULLIVAN: We will act on trade this week.";

        var passages = Snippets.Passages(text, Terms("trade"), _analyzer);

        Assert.Equal(["MR. SULLIVAN: We will act on <mark>trade</mark> this week."], passages);
    }

    [Fact]
    public void Finds_words_whose_stem_rewrites_their_ending_in_any_sentence()
    {
        var text = "Nothing here.\nThe crowd was happy. Ratings rose. \"They are rating it,\" she said! Relational talks. Caf\u00E9 owners agreed.";

        var passages = Snippets.Passages(text, Terms("happiness ratings relational cafe"), _analyzer, max: 10);

        Assert.Equal([
            "The crowd was <mark>happy</mark>.", "<mark>Ratings</mark> rose.", "&quot;They are <mark>rating</mark> it,&quot; she said!",
            "<mark>Relational</mark> talks.", "<mark>Caf\u00E9</mark> owners agreed.",
        ], passages);
    }

    [Fact]
    public void Marks_a_phrase_as_one_span_and_only_where_it_occurs_in_order()
    {
        var text = "Powers that are great. They are great neighbouring powers, he said.";

        var html = Snippets.Highlight(text, Terms("\"great neighbouring powers\""), _analyzer, out var matches);

        Assert.Equal(1, matches);
        Assert.Equal("Powers that are great. They are <mark>great neighbouring powers</mark>, he said.", html);
    }

    [Fact]
    public void A_phrase_is_marked_by_positions_as_the_search_matches_it_so_any_word_stands_for_a_dropped_stop_word()
    {
        // The phrase query matches "rates, more inflation" (rate at 0, inflation at 2); the mark must show it.
        var html = Snippets.Highlight("Fears of higher rates, more inflation. The rate of inflation fell. Rates fell and inflation rose.",
            Terms("\"rate of inflation\""), _analyzer, out var matches);

        Assert.Equal(2, matches);
        Assert.Equal("Fears of higher <mark>rates, more inflation</mark>. The <mark>rate of inflation</mark> fell. Rates fell and inflation rose.", html);
    }

    [Fact]
    public void Escapes_markup_and_adds_only_mark()
    {
        var html = Snippets.Highlight("<b>Kyiv</b> & \"more\"", Terms("kyiv"), _analyzer, out _);

        Assert.Equal("&lt;b&gt;<mark>Kyiv</mark>&lt;/b&gt; &amp; &quot;more&quot;", html);
    }

    [Fact]
    public void Lead_sentence_when_nothing_matches_and_abbreviations_do_not_split()
    {
        var text = "U.S. President Biden met Mr. Kishida on Monday. They spoke.";

        var passages = Snippets.Passages(text, Terms("france"), _analyzer);

        Assert.Equal(["U.S. President Biden met Mr. Kishida on Monday."], passages);
    }

    [Theory]
    [InlineData("THE WHITE HOUSE\nPresident Biden spoke with the leaders of the G7 on Sunday about trade.")]
    [InlineData("Beijing, People's Republic of China\nPresident Biden spoke with the leaders of the G7 on Sunday about trade.")]
    [InlineData("Moscone Convention Center\nSan Francisco, California\n\n2:45 P.M. EST\nPresident Biden spoke with the leaders of the G7 on Sunday about trade.")]
    [InlineData("[All links lead to sites in French unless otherwise stated.]\n\nPresident Biden spoke with the leaders of the G7 on Sunday about trade.")]
    public void A_filter_only_match_shows_the_lead_not_a_dateline_venue_or_heading(string text)
    {
        var passages = Snippets.Passages(text, Terms("france"), _analyzer);

        Assert.Equal(["President Biden spoke with the leaders of the G7 on Sunday about trade."], passages);
    }

    [Fact]
    public void Without_a_sentence_of_prose_the_first_line_is_the_lead()
    {
        Assert.Equal(["Oval Office"], Snippets.Passages("Oval Office\n\n2:45 P.M. EST", Terms("france"), _analyzer));
    }

    [Theory]
    [InlineData("We have closed down the campaign. […] It's absolutely clear (see [1], [2]) that they prevent us.", "clear")]
    [InlineData("Our new Partnership for Accelerating Clean Energy (PACE) will catalyze $100 billion.  It\u2019s \u201Cbig,\u201D she said.", "PACE")]
    [InlineData("He said: \"We will not  back down.\" (Reuters) Then he left for Paris, France.", "back")]
    [InlineData("1) First point. 2) The criminal case [against them] is closed.", "criminal")]
    public void A_snippet_is_the_original_text_with_its_spaces_and_brackets(string text, string query)
    {
        var passage = Assert.Single(Snippets.Passages(text, Terms(query), _analyzer, max: 1));

        var plain = System.Net.WebUtility.HtmlDecode(passage.Replace("<mark>", "").Replace("</mark>", ""));
        Assert.Contains(plain, text);
        Assert.Contains("<mark>", passage);
    }

    [Fact]
    public void Sentences_are_cut_where_extraction_cuts_them()
    {
        // The engine's one splitter: not after an initial or "Gen.", not before a lowercase word; closing quotation
        // marks and brackets stay with their sentence.
        var text = "Gen. George W. Bush arrived at 3 p.m. on Monday. \"We agreed,\" he said. (Talks went on.) Next came trade.";

        var passages = Snippets.Passages(text, Terms("arrived agreed talks trade"), _analyzer, max: 10);

        Assert.Equal([
            "Gen. George W. Bush <mark>arrived</mark> at 3 p.m. on Monday.", "&quot;We <mark>agreed</mark>,&quot; he said.",
            "(<mark>Talks</mark> went on.)", "Next came <mark>trade</mark>.",
        ], passages);
    }

    [Fact]
    public void Long_sentences_are_cut_around_the_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 100)) + " target " + string.Join(' ', Enumerable.Repeat("filler", 100)) + ".";

        var passage = Assert.Single(Snippets.Passages(text, Terms("target"), _analyzer));

        Assert.Contains("<mark>target</mark>", passage);
        Assert.StartsWith("…", passage);
        Assert.EndsWith("…", passage);
        Assert.True(passage.Length < Snippets.MaxPassageChars + 40);
    }

    [Fact]
    public void Prefix_terms_mark_words_that_start_with_them()
    {
        var html = Snippets.Highlight("Negotiators negotiated.", Terms("negot*"), _analyzer, out var matches);

        Assert.Equal(2, matches);
        Assert.Equal("<mark>Negotiators</mark> <mark>negotiated</mark>.", html);
    }

    [Theory]
    [InlineData("We will not  back down.", "\u201CWe will not back down,\u201D")]
    [InlineData("It's \u2018fine\u2019", "It\u2019s 'fine'")]
    public void Quote_keys_ignore_spacing_quotation_marks_and_trailing_punctuation(string a, string b)
    {
        Assert.Equal(QuoteKeys.Normalize(a), QuoteKeys.Normalize(b));
        Assert.Equal(QuoteKeys.Hash(a), QuoteKeys.Hash(b));
    }

    [Theory]
    [InlineData("We will not back down.", "We will not back off.")]
    [InlineData("It is fine", "It is fine, he said")]
    public void Quote_hashes_tell_different_words_apart(string a, string b)
    {
        Assert.NotEqual(QuoteKeys.Hash(a), QuoteKeys.Hash(b));
    }

    [Theory]
    [InlineData("RU", "RU")]
    [InlineData("ru", "RU")]
    [InlineData("Russia", "RU")]
    [InlineData("the United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("Türkiye", "TR")]
    [InlineData("turkey", "TR")]
    [InlineData("narnia", null)]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Burma", "MM")]
    [InlineData("Myanmar", "MM")]
    [InlineData("DR Congo", "CD")]
    [InlineData("Democratic Republic of the Congo", "CD")]
    [InlineData("East Timor", "TL")]
    [InlineData("Timor-Leste", "TL")]
    [InlineData("UK", "GB")]
    public void Countries_resolve_codes_names_and_aliases(string input, string? code)
    {
        Assert.Equal(code, Countries.Resolve(input));
    }

    [Fact]
    public void Country_labels_are_english_names()
    {
        Assert.Equal("Russia", Countries.Label("RU"));
        Assert.Equal("Japan", Countries.Label("JP"));
        Assert.Equal("United States", Countries.Label("US"));
    }

    [Theory]
    [InlineData("CI", "Ivory Coast")] // ICU: "Côte d’Ivoire"
    [InlineData("MM", "Myanmar")] // ICU: "Myanmar (Burma)"
    [InlineData("CD", "Democratic Republic of the Congo")] // ICU: "Congo - Kinshasa"
    [InlineData("CG", "Republic of the Congo")] // ICU: "Congo - Brazzaville"
    public void Country_labels_are_the_gazetteers_names_not_ICUs(string code, string label)
    {
        Assert.Equal(label, Countries.Label(code));
    }

    [Fact]
    public void Every_country_label_and_name_is_the_one_the_extractor_gives_at_index_time()
    {
        var gazetteer = Summit.Engine.Gazetteer.Gazetteer.Default;
        Assert.True(Countries.All.Count > 200);
        Assert.All(Countries.All, kv =>
        {
            Assert.Equal(gazetteer.CountryName(kv.Key), kv.Value);
            Assert.Equal(kv.Value, Countries.Label(kv.Key));
            Assert.Equal(kv.Key, Countries.Resolve(kv.Value));
        });
    }

    // Bodies for the postings test: stems that rewrite their ending, stop words inside phrases, a phrase across a
    // sentence's end, repeated words, accents, abbreviations that do not end a sentence.
    private static readonly string[][] PostedBodies =
    [
        ["Leaders talked about trade. Trade talks resumed on Monday, and the talks went well.",
         "The rate of inflation rose. Rates, more inflation: the bank's rating agency was happy."],
        ["Mr. Smith said the trade talks in Caf\u00E9 Paris were relational. He said: \"Trade talks? Never.\"",
         "Nothing here at all.",
         "Interest rates rose.\nInterest. Rates fell again, said the U.S. central bank; interest rates, rates, rates."],
    ];

    private static Lucene.Net.Search.IndexSearcher PostedIndex() =>
        SegmentedIndex.Build(PostedBodies, (doc, body) => doc.Add(new Lucene.Net.Documents.Field(SummitSchema.Body, body, ArticleDocuments.StoredTextWithOffsets)));

    public static TheoryData<string> PostedQueries =>
        ["trade talks", "\"trade talks\"", "\"rate of inflation\"", "\"interest rates\" said", "ratings happiness cafe relational",
         "\"talks went\" OR monday", "\"interest rates rose\" -bank"];

    [Theory]
    [MemberData(nameof(PostedQueries))]
    public void The_sentences_the_index_stores_give_the_passages_cutting_the_body_gives(string query)
    {
        var searcher = PostedIndex();
        var terms = Terms(query);
        var posted = PostedMarks.For(searcher.IndexReader, SummitSchema.Body, terms)!;
        var bodies = PostedBodies.SelectMany(b => b).ToList();
        var (marked, leads) = (0, 0);
        for (var doc = 0; doc < bodies.Count; doc++)
        {
            // What a hit reads: the extractor's sentences, stored and read back.
            var stored = SentenceOffsets.Decode(SentenceOffsets.Encode(Extractor.ExtractCore(new Article("b", "t", bodies[doc])).BodySentences!), bodies[doc].Length);
            Assert.NotNull(stored);
            var cut = Snippets.Passages(bodies[doc], terms, _analyzer, posted.Marks(doc, bodies[doc]), max: 10);
            Assert.Equal(cut, Snippets.Passages(bodies[doc], terms, _analyzer, posted.Marks(doc, bodies[doc]), stored, max: 10));
            // And the passages found by analysis, for queries the postings cannot mark.
            Assert.Equal(Snippets.Passages(bodies[doc], terms, _analyzer, max: 10), Snippets.Passages(bodies[doc], terms, _analyzer, null, stored, max: 10));
            marked += cut.Count(p => p.Contains("<mark>", StringComparison.Ordinal));
            leads += cut.Count(p => !p.Contains("<mark>", StringComparison.Ordinal)) > 0 ? 1 : 0;
        }
        Assert.True(marked > 0, "the query marks nothing in these bodies, so the test compares nothing");
        Assert.True(leads > 0, "no body shows its lead, so the lead is not compared");
    }

    [Theory]
    [MemberData(nameof(PostedQueries))]
    public void A_title_marked_from_its_postings_is_highlighted_as_analysis_highlights_it(string query)
    {
        var titles = PostedBodies.SelectMany(b => b).ToList();
        var searcher = SegmentedIndex.Build(PostedBodies,
            (doc, title) => doc.Add(new Lucene.Net.Documents.Field(SummitSchema.Title, title, ArticleDocuments.StoredTextWithOffsets)));
        var terms = Terms(query);
        var posted = PostedMarks.For(searcher.IndexReader, SummitSchema.Title, terms)!;
        var marked = 0;
        for (var doc = 0; doc < titles.Count; doc++)
        {
            var analysed = Snippets.Highlight(titles[doc], terms, _analyzer, out var marks);
            Assert.Equal(analysed, Snippets.Highlight(titles[doc], posted.Marks(doc, titles[doc])!));
            marked += marks;
        }
        Assert.True(marked > 0, "the query marks nothing in these titles, so the test compares nothing");
    }

    [Theory]
    [MemberData(nameof(PostedQueries))]
    public void Marks_from_the_postings_give_the_passages_analysis_gives(string query)
    {
        var searcher = PostedIndex();
        var terms = Terms(query);
        var posted = PostedMarks.For(searcher.IndexReader, SummitSchema.Body, terms);
        Assert.NotNull(posted);
        var bodies = PostedBodies.SelectMany(b => b).ToList();
        Assert.Equal(bodies.Count, searcher.IndexReader.MaxDoc);
        var marked = 0;
        for (var doc = 0; doc < bodies.Count; doc++)
        {
            var analysed = Snippets.Passages(bodies[doc], terms, _analyzer, max: 10);
            var fromPostings = Snippets.Passages(bodies[doc], terms, _analyzer, posted!.Marks(doc, bodies[doc]), max: 10);
            Assert.Equal(analysed, fromPostings);
            marked += analysed.Count(p => p.Contains("<mark>", StringComparison.Ordinal));
        }
        Assert.True(marked > 0, "the query marks nothing in these bodies, so the test compares nothing");
    }

    [Theory]
    [MemberData(nameof(PostedQueries))]
    public void A_part_of_a_body_is_marked_from_the_bodys_postings_as_analysing_the_part_alone_marks_it(string query)
    {
        // A hit's quotes are parts of its body: every run of whole words (and every quotation) of each body is
        // marked from the body's postings and by analysis of its text alone, and the two must agree.
        var searcher = PostedIndex();
        var terms = Terms(query);
        var posted = PostedMarks.For(searcher.IndexReader, SummitSchema.Body, terms)!;
        var bodies = PostedBodies.SelectMany(b => b).ToList();
        var (parts, marked) = (0, 0);
        for (var doc = 0; doc < bodies.Count; doc++)
        {
            var body = bodies[doc];
            var marks = posted.Marks(doc, body)!;
            var edges = new List<int> { 0, body.Length };
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] is ' ' or '\n') edges.AddRange([i, i + 1]);
                if (body[i] == '"') edges.Add(body[i - 1] == ' ' ? i + 1 : i);
            }
            foreach (var start in edges.Distinct())
                foreach (var end in edges.Distinct().Where(e => e > start))
                {
                    var part = body[start..end];
                    var analysed = Snippets.Highlight(part, terms, _analyzer, out _);
                    Assert.Equal(analysed, Snippets.Highlight(part, Snippets.MarksOfPart(marks, start, end)));
                    parts++;
                    marked += analysed.Contains("<mark>", StringComparison.Ordinal) ? 1 : 0;
                }
        }
        Assert.True(marked > 20 && parts > marked, $"{marked} of {parts} parts hold a mark: too few to compare");
    }

    [Fact]
    public void Prefixes_are_marked_by_analysis_and_typo_words_only_with_the_words_they_matched()
    {
        var searcher = PostedIndex();
        var typo = HighlightTerms.From(QuerySyntax.Parse("inflatoin"), _analyzer, typoTolerant: true);

        Assert.Null(PostedMarks.For(searcher.IndexReader, SummitSchema.Body, Terms("trad*")));
        Assert.Null(PostedMarks.For(searcher.IndexReader, SummitSchema.Body, typo));
        Assert.Null(PostedMarks.For(searcher.IndexReader, SummitSchema.Body, typo, _analyzer, new Dictionary<string, IReadOnlyCollection<string>>()));
        Assert.NotNull(PostedMarks.For(searcher.IndexReader, SummitSchema.Body, typo, _analyzer,
            new Dictionary<string, IReadOnlyCollection<string>> { ["inflatoin"] = ["inflation"] }));
    }

    [Theory]
    [InlineData("president", "president", 0)]
    [InlineData("presidnet", "president", 1)]
    [InlineData("inflatoin", "inflation", 1)]
    [InlineData("goverment", "government", 1)]
    [InlineData("goverment", "governments", 2)]
    [InlineData("imflatoxn", "inflation", 3)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_two_swapped_letters_as_one_edit_as_the_typo_search_does(string a, string b, int edits)
    {
        Assert.Equal(edits, Snippets.EditDistance(a, b));
        Assert.Equal(edits, Snippets.EditDistance(b, a));
    }

    [Fact]
    public void A_typo_with_two_letters_swapped_and_one_edit_marks_the_word_it_matched()
    {
        var terms = new HighlightTerms();
        terms.Fuzzy.Add(("inflatoin", 1));

        Assert.Equal("Prices and <mark>inflation</mark> rose.", Snippets.Highlight("Prices and inflation rose.", terms, _analyzer, out _));
    }

    // Bodies with words near typos: inflected forms of the corrections, possessives, capitals, a word two edits away
    // that is no correction ("imflatoxn"), and hyphenated words.
    private static readonly string[][] TypoBodies =
    [
        ["Prices fell.\nThe goverment's plan, inflation-linked, was wanted. Nothing else happened here at all. Imflatoxn stayed.",
         "Government-run INFLATION wants: a president. Presidents waited; inflating costs went up. Tomorrow, more."],
        ["The governments said inflation rose, and the government's presidential inflationary plans did not.",
         "No word here comes near any of them."],
    ];

    [Theory]
    [InlineData("inflatoin")]
    [InlineData("goverment")]
    [InlineData("presidnet inflatoin")]
    [InlineData("goverment \"inflation rose\"")]
    [InlineData("goverment said")]
    public void Typo_words_marked_from_the_postings_give_the_passages_analysis_gives(string query)
    {
        var searcher = SegmentedIndex.Build(TypoBodies, (doc, body) =>
        {
            doc.Add(new Lucene.Net.Documents.Field(SummitSchema.Body, body, ArticleDocuments.StoredTextWithOffsets));
            doc.Add(new Lucene.Net.Documents.Field(SummitSchema.BodyExact, body, ArticleDocuments.ExactText));
        });
        var typos = new FuzzyExpansions(searcher.IndexReader);
        var terms = HighlightTerms.From(QuerySyntax.Parse(query), _analyzer, typoTolerant: true);
        // The misspelt words with the edits their typo search got, as a search marks them (real words are not typos).
        var misspelt = terms.Fuzzy.Where(f => QueryBuilder.IsLikelyTypo(f.Word, searcher.IndexReader)).Select(f => (f.Word, typos.EditsFor(f.Word))).ToList();
        terms.Fuzzy.Clear();
        terms.Fuzzy.AddRange(misspelt);
        Assert.NotEmpty(terms.Fuzzy);
        var matches = terms.Fuzzy.ToDictionary(f => f.Word, f => typos.Matches(SummitSchema.BodyExact, f.Word));
        var posted = PostedMarks.For(searcher.IndexReader, SummitSchema.Body, terms, _analyzer, matches);
        Assert.NotNull(posted);
        var bodies = TypoBodies.SelectMany(b => b).ToList();
        var marked = 0;
        for (var doc = 0; doc < bodies.Count; doc++)
        {
            var analysed = Snippets.Passages(bodies[doc], terms, _analyzer, max: 10);
            var fromPostings = Snippets.Passages(bodies[doc], terms, _analyzer, posted!.Marks(doc, bodies[doc]), max: 10);
            Assert.Equal(analysed, fromPostings);
            marked += analysed.Sum(p => p.Split("<mark>").Length - 1);
        }
        Assert.True(marked >= 2, "the query marks almost nothing in these bodies, so the test compares little");
    }

    [Theory]
    [InlineData("inflatoin")]
    [InlineData("goverment")]
    [InlineData("wantd")]
    [InlineData("presidnet inflatoin")]
    public void Typo_words_are_marked_in_every_sentence_that_holds_a_word_near_them(string query)
    {
        // "Imflatoxn" keeps just enough of "inflatoin"'s letters to be two edits away, and its sentence has nothing
        // else to analyse it for (no word starting like the typo's stem).
        var text = "Prices fell.\nThe goverment's plan, inflation-linked, was wanted. Nothing else happened here at all. Imflatoxn stayed. "
                   + "Government-run INFLATION wants: a president. Presidents waited; inflating costs went up. Tomorrow, more.";
        var terms = HighlightTerms.From(QuerySyntax.Parse(query), _analyzer, typoTolerant: true);
        Assert.NotEmpty(terms.Fuzzy);
        // A prefix that matches nothing makes every sentence be analysed: the marks with no sentence passed over.
        var everySentence = HighlightTerms.From(QuerySyntax.Parse(query + " zzqx*"), _analyzer, typoTolerant: true);
        static List<string> Marked(IEnumerable<string> html) =>
            [.. html.SelectMany(h => System.Text.RegularExpressions.Regex.Matches(h, "<mark>(.*?)</mark>").Select(m => m.Groups[1].Value))];

        var expected = Marked(Snippets.Passages(text, everySentence, _analyzer, max: 10));
        var inPassages = Marked(Snippets.Passages(text, terms, _analyzer, max: 10));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, inPassages);
    }
}
