using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Extraction.Speakers;

namespace Summit.Tests.Extraction;

/// <summary>One small sentence per construction the extractor must handle (sentences written for these tests).</summary>
public class ExtractorTests
{
    private static ArticleFacts Extract(string body, string? dateline = null) =>
        Extractor.Default.Extract(new Article("t", "Test", body, Dateline: dateline));

    // ---------------------------------------------------------------- quotation marks

    [Theory]
    [InlineData("Maria Lopez, a farmer, said \"The rain came too late for the wheat.\"")]
    [InlineData("Maria Lopez, a farmer, said \u201CThe rain came too late for the wheat.\u201D")]
    [InlineData("Maria Lopez, a farmer, said \u00ABThe rain came too late for the wheat.\u00BB")]
    public void Finds_straight_curly_and_guillemet_quotes(string body)
    {
        var facts = Extract(body);

        var quote = Assert.Single(facts.Quotes);
        Assert.Equal("The rain came too late for the wheat.", quote.Text);
        Assert.Equal("Maria Lopez", quote.Speaker);
    }

    [Fact]
    public void Single_quotes_inside_double_quotes_stay_part_of_the_outer_quote()
    {
        var facts = Extract("\"They told us 'wait until spring' and nothing happened,\" said Omar Haddad.");

        var quote = Assert.Single(facts.Quotes);
        Assert.StartsWith("They told us 'wait until spring'", quote.Text);
        Assert.Equal("Omar Haddad", quote.Speaker);
    }

    /// <summary>Its speaker: the Speakers table, "Quote_continued_across_paragraphs_keeps_its_speaker".</summary>
    [Fact]
    public void Quote_continued_across_paragraphs_is_one_quote_per_paragraph()
    {
        const string body = "Judge Karen Whitfield said: \u201CThe evidence was never in doubt.\n\n" +
                            "\u201CThe jury simply needed time to read it.\u201D";

        var facts = Extract(body);

        Assert.Equal(2, facts.Quotes.Count);
    }

    [Fact]
    public void A_quoted_heading_alone_on_its_line_is_not_a_quote()
    {
        var facts = Extract("Talks resumed in Geneva on Monday.\n'Quiet progress'\nThe delegations met for five hours.");

        Assert.Empty(facts.Quotes);
    }

    [Fact]
    public void Unbalanced_quote_marks_do_not_throw_and_stay_in_range()
    {
        const string body = "He said \"this never closes\nand \u201Cthis \u201D\u201D neither \u00AB";

        var facts = Extract(body);

        Assert.All(facts.Quotes, q => Assert.Equal(body[q.Start..q.End], q.Text));
    }

    // ---------------------------------------------------------------- attribution

    /// <summary>
    /// The speaker of each quote and the rule that finds it (rows in the order of SpeakerResolver.Rules), named after the
    /// test it used to be; a test that checked several articles gives one labelled row per assertion.
    /// </summary>
    public static TheoryData<SpeakerCase> Speakers => new()
    {
        new(nameof(AttributionAfterOpeningQuote), "Speaker_after_the_quote",
            "\"We expect the bridge to reopen in May,\" Dana Whitaker said.",
            ("We expect", "Dana Whitaker")),

        new(nameof(AttributionAfterOpeningQuote), "Inverted_speaker_after_the_quote",
            "\"Prices will fall before winter,\" said Henrik Olsen, an economist at the bank.",
            ("Prices will fall", "Henrik Olsen")),

        new(nameof(AttributionAfterOpeningQuote), "Pronoun_with_added_resolves_to_the_named_speaker",
            "Aid worker Sarah Bloom described the camp as overcrowded. " +
                "\"There is not enough clean water for the children,\" she added.",
            ("There is not enough", "Sarah Bloom")),

        new(nameof(AttributionAfterOpeningQuote), "Pronoun_skips_names_said_inside_a_quotation",
            "Councillor Robert Hale opened the budget hearing on Monday.\n\n" +
                "\"David Moore has never read this bill. Peter Lang said as much last week,\" he said.",
            ("David Moore has never", "Robert Hale")),

        new(nameof(AttributionAfterOpeningQuote), "Told_reporters",
            "\"Nobody was hurt,\" fire chief Gary Dunn told reporters.",
            ("Nobody was hurt", "Gary Dunn")),

        new(nameof(AttributionAfterOpeningQuote), "Person_and_any_past_tense_verb_after_a_quote_speak_it (1/3)",
            "\"Is that really the best the council can offer?\" Janet Ruiz pressed.",
            ("Is that really", "Janet Ruiz")),

        new(nameof(AttributionAfterOpeningQuote), "Person_and_any_past_tense_verb_after_a_quote_speak_it (2/3)",
            "Tom Baker defended the plan. \"Nobody asked for a second car park,\" Janet Ruiz fumed on Tuesday.",
            ("Nobody asked", "Janet Ruiz")),

        new(nameof(AttributionAfterOpeningQuote), "Person_and_any_past_tense_verb_after_a_quote_speak_it (3/3)",
            "Tom Baker defended the plan. \"We will build it anyway,\" he went on.",
            ("We will build", "Tom Baker")),

        new(nameof(AttributionAfterOpeningQuote), "Surname_resolves_to_the_full_name_met_earlier",
            "Prime Minister Anna Kowalski arrived in Brussels on Tuesday.\n\"We came to listen,\" Kowalski said.",
            ("We came to listen", "Anna Kowalski")),

        new(nameof(AttributionBeforeOpeningQuote), "Single_quotes_are_quotes_in_an_article_without_double_marks",
            "The minister, Alan Reeve, said: 'We will not raise the fuel duty this year.'",
            ("We will not raise", "Alan Reeve")),

        new(nameof(AttributionBeforeOpeningQuote), "Speaker_before_the_quote_with_a_colon",
            "Coach Lena Marsh said: \"We defended well for ninety minutes.\"",
            ("We defended", "Lena Marsh")),

        new(nameof(AttributionBeforeOpeningQuote), "Wrote_and_tweeted",
            "Novelist Clara Jensen wrote on her blog: \"The library saved my childhood.\" " +
                "Later, Peter Brandt tweeted: \"Keep the libraries open.\"",
            ("The library saved", "Clara Jensen"), ("Keep the libraries", "Peter Brandt")),

        new(nameof(AttributionBeforeOpeningQuote), "Quote_continued_across_paragraphs_keeps_its_speaker (1/2)",
            "Judge Karen Whitfield said: \u201CThe evidence was never in doubt.\n\n\u201CThe jury simply needed time to read it.\u201D",
            ("The evidence", "Karen Whitfield")),

        new(nameof(PersonReportingBefore), "Partial_quote_inside_a_sentence_is_found",
            "Senator Paul Okafor called the budget \"a betrayal of rural towns\" on Monday.",
            ("a betrayal", "Paul Okafor")),

        new(nameof(PersonReportingBefore), "Speaker_before_the_quote_with_that",
            "Mayor Tom Becker said that the flood barriers were \"built for a storm we never expected\".",
            ("built for a storm", "Tom Becker")),

        new(nameof(PersonReportingBefore), "Pronoun_skips_the_object_of_a_participle_after_a_comma",
            "Nadia Petrova spoke first.\n\nOmar Haddad is pushing back, questioning Petrova's record on housing.\n\n" +
                "He asks, \"Where are the homes you promised?\"",
            ("Where are the homes", "Omar Haddad")),

        new(nameof(PersonReportingBefore), "According_to_names_the_speaker",
            "According to Ravi Menon, the deal is \"all but signed\".",
            ("all but signed", "Ravi Menon")),

        new(nameof(PersonReportingBefore), "Quoted_by_as_saying",
            "Governor Ines Cabral was quoted by local radio as saying \"the roads will be cleared tonight\".",
            ("the roads will be cleared", "Ines Cabral")),

        new(nameof(PersonReportingBefore), "Appositive_between_name_and_verb",
            "Hugo Lind, a nurse at the clinic, said \"we ran out of beds by noon\".",
            ("we ran out", "Hugo Lind")),

        new(nameof(AttributionAfterInsideQuote), "A_legal_form_alone_is_no_speaker_the_firm_is",
            "\"Demand is strong,\" said Mark Dolan, an analyst at Warren Tolliver and Co. \"Prices will rise,\" Kessler Brandt and Co said.",
            ("Prices", "Kessler Brandt and Co")),

        new(nameof(NonPersonReportingBefore), "Organisations_and_governments_speak",
            "The Kremlin said the talks were \"useful but difficult\". " +
                "Washington has said the plan is \"a delaying move\".",
            ("useful but difficult", "Kremlin"), ("a delaying move", "Washington")),

        new(nameof(NonPersonReportingBefore), "A_description_opening_its_sentence_is_no_named_speaker",
            "Sales rose in March.\n    Analysts said, \"The rise will not last beyond the summer.\"",
            ("The rise", "analysts")),

        new(nameof(NonPersonReportingBefore), "Described_as_and_called (1/2)",
            "The Dutch foreign ministry described the vote as \"deeply regrettable\" and called it \"a step backwards\".",
            ("deeply regrettable", "Dutch foreign ministry")),

        new(nameof(LastSpeakerGoesOn), "A_verbless_quote_paragraph_continues_the_previous_speaker",
            "\"The harvest is lost,\" said farmer Joseph Mwangi.\n\n\"We will plant again in March.\"",
            ("We will plant", "Joseph Mwangi")),

        new(nameof(LastSpeakerGoesOn), "Quote_continued_across_paragraphs_keeps_its_speaker (2/2)",
            "Judge Karen Whitfield said: \u201CThe evidence was never in doubt.\n\n\u201CThe jury simply needed time to read it.\u201D",
            ("The jury", "Karen Whitfield")),

        new(nameof(SentenceSubject), "Described_as_and_called (2/2)",
            "The Dutch foreign ministry described the vote as \"deeply regrettable\" and called it \"a step backwards\".",
            ("a step backwards", "Dutch foreign ministry")),

        new(SpeakerCase.NoRule, "A_speaker_is_never_a_bare_pronoun",
            "\"It is over,\" he said.",
            ("It is over", null)),
    };

    [Theory, MemberData(nameof(Speakers))]
    public void The_speaker_of_each_quote(SpeakerCase c) => c.AssertHolds(body => Extract(body));

    /// <summary>Its speaker: the Speakers table, "Surname_resolves_to_the_full_name_met_earlier".</summary>
    [Fact]
    public void A_surname_is_a_mention_of_the_full_name_met_earlier()
    {
        var facts = Extract("Prime Minister Anna Kowalski arrived in Brussels on Tuesday.\n" +
                            "\"We came to listen,\" Kowalski said.");

        var person = Assert.Single(facts.Persons, p => p.Name == "Anna Kowalski");
        Assert.Equal(2, person.Mentions.Count);
    }

    // ---------------------------------------------------------------- persons

    /// <summary>The persons found, in order: one row per rule (one per article of a test that checked several, labelled n/m),
    /// named after the test it used to be; no names means no persons.</summary>
    public static TheoryData<FactsCase> Persons => new()
    {
        new("Places_weekdays_months_and_organisations_are_not_persons",
            "On Monday in March the Bank of England and Microsoft Corp met in New York. Paris said nothing."),

        new("Contractions_and_a_pronoun_after_a_conjunction_are_no_persons",
            "I’ve said it before. We’re ready, and I’ll say it again. And I mean it, said Mayor Paul Okoye.", "Paul Okoye"),

        new("A_role_or_a_plural_after_titles_is_no_person",
            "Jake Sullivan spoke with Emma Aparici, Chief Diplomatic Advisor to the President of Spain, and the "
                + "Minister of Foreign Affairs said the talks went well.", "Jake Sullivan", "Emma Aparici"),

        new("A_caucus_or_healthcare_firm_is_no_person",
            "Riverside Healthcare said it would close a clinic. The plan worried Paul Okoye, president of the Coastal Riders Caucus.", "Paul Okoye"),

        new("A_word_after_a_chamber_or_department_is_part_of_a_body_not_a_person",
            "The House Banking committee heard from the Organisation for Economic Cooperation. Treasury Secretary Baker spoke too.", "Baker"),

        new("A_hyphenated_capitalised_word_is_no_two_word_name",
            "The notes pay 7 pct a year.\nNon-callable for ten years, the notes are rated AAA by the agency."),

        new("A_monarch_known_by_one_name_keeps_the_regnal_title",
            "King Fahd said Saudi Arabia would hold its quota. Fahd also met Prime Minister Margaret Thatcher.", "Margaret Thatcher", "King Fahd"),

        new("A_title_with_of_the_is_stripped",
            "Britain's Chancellor of the Exchequer Nigel Lawson said taxes would fall.", "Nigel Lawson"),

        new("A_name_goes_on_over_the_line_break_of_hard_wrapped_text",
            "Farm groups asked the government and Agriculture Secretary Richard\nLyng to raise the loan rate for soybeans this year.", "Richard Lyng"),

        new("A_common_word_before_a_reporting_verb_is_no_surname",
            "The Agency for Regional Growth and Development said exports rose."),

        new("The_employer_before_analyst_is_no_person",
            "\"Sales will slow,\" Warren Tolliver analyst Mark Dolan said.", "Mark Dolan"),

        new("Firm_words_of_european_banks_mark_no_person",
            "Societe Lemaire said profits rose. Banque Fournier said the same, and Lemaire Brothers agreed."),

        new("A_name_after_titles_is_not_split_at_a_word_that_is_also_a_given_name (1/4)",
            "Vice President Kamala Harris met the mayor on Monday.", "Kamala Harris"),

        new("A_name_after_titles_is_not_split_at_a_word_that_is_also_a_given_name (2/4)",
            "President Andrés Manuel López Obrador met the mayor on Monday.", "Andrés Manuel López Obrador"),

        new("A_name_after_titles_is_not_split_at_a_word_that_is_also_a_given_name (3/4)",
            "President Abdel Fattah Al Sisi met the mayor on Monday.", "Abdel Fattah Al Sisi"),

        new("A_name_after_titles_is_not_split_at_a_word_that_is_also_a_given_name (4/4)",
            "National Security Advisor Jake Sullivan met the mayor on Monday.", "Jake Sullivan"),

        new("A_bank_broker_or_news_agency_named_by_its_role_is_no_person (1/6)",
            "The notes yield 7.1 pct, said lead manager Warren Tolliver."),

        new("A_bank_broker_or_news_agency_named_by_its_role_is_no_person (2/6)",
            "The offering was underwritten by Warren Tolliver at par."),

        new("A_bank_broker_or_news_agency_named_by_its_role_is_no_person (3/6)",
            "The brokerage firm Warren Tolliver raised its estimate."),

        new("A_bank_broker_or_news_agency_named_by_its_role_is_no_person (4/6)",
            "Warren Tolliver news agency said the talks would resume."),

        new("A_bank_broker_or_news_agency_named_by_its_role_is_no_person (5/6)",
            "The official news agency Tolliver said the talks would resume."),

        new("A_bank_broker_or_news_agency_named_by_its_role_is_no_person (6/6)",
            "The sale was advised by Kessler Brandt, Warren and Tolliver Inc, the broker."),

        new("An_organisation_word_that_is_a_common_given_name_opens_a_name_before_a_surname",
            "Bill Hardacre said the Farm Bill would pass, and Christian Aid agreed.", "Bill Hardacre"),

        new("An_initial_before_a_surname_is_a_name_also_when_the_surname_is_a_town_or_a_word",
            "Scorers: J. Crawley 106, A. Stewart 44, C. White 12.", "J. Crawley", "A. Stewart", "C. White"),

        new("An_abbreviation_or_a_country_after_an_initial_is_no_name",
            "U.S. Steel raised prices. S. Korea agreed."),

        new("A_plural_noun_as_the_last_word_names_a_band_or_a_team_unless_a_given_name_opens_it",
            "New York band Scissor Sisters topped the charts. Bernie Sanders spoke.", "Bernie Sanders"),

        new("A_saints_name_without_its_dot_is_a_place_or_a_club",
            "St Pauli beat Hamburg 2-1, said Anna Kowalski.", "Anna Kowalski"),

        new("A_name_modifying_a_work_noun_or_opening_a_title_is_a_work (1/2)",
            "The Harry Potter series made money. Harry Potter and the Prisoner of Azkaban won. Emma Watson starred.", "Emma Watson"),

        new("A_name_modifying_a_work_noun_or_opening_a_title_is_a_work (2/2)",
            "He may be the next James Bond, said Anna Kowalski.", "Anna Kowalski"),

        new("A_title_or_a_reporting_verb_keeps_a_name_before_a_work_noun_a_person",
            "Director Mike Leigh said his new film was done. The Mike Leigh series ended.", "Mike Leigh"),

        new("A_team_named_after_its_town_is_no_person",
            "The Sydney Tigers beat the San Diego Padres, said Anna Kowalski.", "Anna Kowalski"),

        new("A_name_that_opens_an_organisations_name_is_the_organisations (1/2)",
            "Zantrex said it would ship a browser. The Zantrex Foundation agreed, said Anna Kowalski.", "Anna Kowalski"),

        new("A_name_that_opens_an_organisations_name_is_the_organisations (2/2)",
            "Tony Blair spoke at the Tony Blair Institute on Monday.", "Tony Blair"),

        new("A_places_adjective_or_people_is_no_name",
            "Sri Lankan officials said the Costa Ricans agreed, said Anna Kowalski.", "Anna Kowalski"),

        new("Urdu_and_Arabic_particles_join_a_hyphenated_name",
            "Inzamam-ul-Haq and Ata-ur-Rehman scored 40.", "Inzamam-ul-Haq", "Ata-ur-Rehman"),

        new("A_news_desk_in_a_sign_off_is_no_person",
            "-- Sydney Newsroom 61-2 9373-1800"),

        new("Deutsche_and_Sony_open_firms_names",
            "The sale was agreed with Deutsche Boerse and Sony Ericsson."),
    };

    [Theory, MemberData(nameof(Persons))]
    public void The_persons_found(FactsCase c)
    {
        Assert.Equal(c.Expected, Extract(c.Body).Persons.Select(p => p.Name));
    }

    [Fact]
    public void A_one_letter_last_word_is_no_short_form_of_the_name()
    {
        var facts = Extract("Pope John Paul I died in 1978. I remember it, Anna Kowalski said.");
        var pope = Assert.Single(facts.Persons, p => p.Name == "John Paul I");
        Assert.Single(pope.Mentions);
    }

    [Fact]
    public void Titled_name_mention_covers_only_the_name()
    {
        const string body = "Russian President Vladimir Putin met Chinese leader Xi Jinping. Putin later spoke to Xi.";

        var facts = Extract(body);

        var putin = Assert.Single(facts.Persons, p => p.Name == "Vladimir Putin");
        Assert.Equal(["Vladimir Putin", "Putin"], putin.Mentions.Select(m => body[m.Start..m.End]));
        var xi = Assert.Single(facts.Persons, p => p.Name == "Xi Jinping");
        Assert.Equal(2, xi.Mentions.Count);
    }

    [Fact]
    public void An_outlet_named_with_the_inside_a_sentence_is_no_person()
    {
        var facts = Extract("Mayor Paul Okoye wants to cut the ferry fare, The Hill reported.");

        Assert.DoesNotContain(facts.Persons, p => p.Name.Contains("Hill"));
    }

    [Fact]
    public void Headline_words_around_a_name_met_in_the_text_are_not_part_of_it()
    {
        var facts = Extract("Council Members Slam Paul Okoye Over Ferry Plan\n\nPaul Okoye defended the plan on Monday.");

        var okoye = Assert.Single(facts.Persons);
        Assert.Equal("Paul Okoye", okoye.Name);
        Assert.Equal(2, okoye.Mentions.Count);
    }

    [Fact]
    public void Headline_words_around_a_surname_used_in_the_text_are_not_part_of_the_name()
    {
        var facts = Extract("Voters Cheer As Paul Okoye Endorses Ferry Fares\n\nThe council met on Monday. Okoye said the ferry would run daily.");

        var okoye = Assert.Single(facts.Persons);
        Assert.Equal("Paul Okoye", okoye.Name);
        Assert.Equal(2, okoye.Mentions.Count);
    }

    [Fact]
    public void A_single_letter_is_no_surname()
    {
        var facts = Extract("S and P said the rating of the bonds was cut because sales fell.");

        Assert.DoesNotContain(facts.Persons, p => p.Name == "P");
    }

    [Theory]
    [InlineData("The bonds were sold through Warren Tolliver\nKessler Inc, which has a big desk.\n    Warren Tolliver said demand was strong.")]
    [InlineData("\"Demand was strong,\" said Mark Dolan, an analyst at Warren Tolliver and Co. Warren Tolliver expects more.")]
    [InlineData("Mark Dolan, an analyst with Warren Tolliver, said demand was strong. Warren Tolliver expects more.")]
    [InlineData("The shares were sold by Warren Tolliver, Kessler Brandt and Co at 12 dlrs. Warren Tolliver said demand was strong.")]
    public void A_firm_named_like_a_person_is_no_person_in_the_whole_article(string body)
    {
        var facts = Extract(body);

        Assert.DoesNotContain(facts.Persons, p => p.Name.StartsWith("Warren", StringComparison.Ordinal) || p.Name.StartsWith("Kessler", StringComparison.Ordinal));
    }

    /// <summary>Its speaker ("analysts"): the Speakers table, "A_description_opening_its_sentence_is_no_named_speaker".</summary>
    [Fact]
    public void A_description_opening_its_sentence_is_not_in_the_speaker_facet()
    {
        var facts = Extract("Sales rose in March.\n    Analysts said, \"The rise will not last beyond the summer.\"");

        Assert.Empty(facts.Speakers);
    }

    /// <summary>Its speaker ("Tory leader") and holder: the Speakers table, "RoleHolders: a_role_before_a_name_resolves_the_description".</summary>
    [Fact]
    public void A_role_description_is_in_the_speaker_facet_as_the_person_named_in_the_role()
    {
        var facts = Extract("Tory leader Michael Howard visited Leeds on Monday.\n\n\"We will cut taxes for every family,\" the Tory leader said.");

        Assert.Equal(["Michael Howard"], facts.Speakers);
    }

    [Fact]
    public void A_firm_named_after_a_town_is_no_place()
    {
        var facts = Extract("Underwriters led by Morgan Stanley and Co priced the notes at par.");

        Assert.Empty(facts.Persons);
        Assert.DoesNotContain(facts.Places, p => p.Name == "Stanley");
    }

    // ---------------------------------------------------------------- places and countries

    /// <summary>The countries of the story, in order: one row per rule, named after the test it used to be.</summary>
    public static TheoryData<FactsCase> Countries => new()
    {
        new("Capital_as_metonymy_gives_its_country",
            "Beijing said the tariffs were unfair.", "CN"),

        new("Dollar_amounts_pick_the_american_namesake_of_a_town_when_no_country_is_named (1/2)",
            "Council members in Paris approved $2 million for road repairs on Monday.", "US"),

        new("Dollar_amounts_pick_the_american_namesake_of_a_town_when_no_country_is_named (2/2)",
            "Council members in Paris approved new road repairs on Monday.", "FR"),

        new("A_sheriff_story_without_places_is_american (1/3)",
            "Deputies with the Sheriff's Office arrested two men near the old mill on Friday.", "US"),

        new("A_sheriff_story_without_places_is_american (2/3)",
            "Lawmakers heard from Jensen, R-Kettle Hollow, who backed the bill on Tuesday.", "US"),

        new("A_sheriff_story_without_places_is_american (3/3)",
            "The Harbor Police Department said the driver was not hurt.", "US"),
    };

    [Theory, MemberData(nameof(Countries))]
    public void The_countries_of_the_story(FactsCase c)
    {
        Assert.Equal(c.Expected, Extract(c.Body).Countries);
    }

    [Fact]
    public void Country_aliases_and_demonyms_give_iso_codes()
    {
        var facts = Extract("The U.S. and America's allies met Russian and Japanese envoys in the United Kingdom.");

        Assert.Contains("US", facts.Countries);
        Assert.Contains("RU", facts.Countries);
        Assert.Contains("JP", facts.Countries);
        Assert.Contains("GB", facts.Countries);
        Assert.DoesNotContain(facts.Places, p => p.Name == "Russian"); // a demonym is not a place mention
    }

    [Fact]
    public void Ambiguous_city_follows_the_article_context()
    {
        var texas = Extract("Storms hit Texas overnight. In Paris, the county fair was cancelled.");
        var france = Extract("Storms hit France overnight. In Paris, the metro was closed.");

        Assert.Equal("US", Assert.Single(texas.Places, p => p.Name == "Paris").Country);
        Assert.Equal("FR", Assert.Single(france.Places, p => p.Name == "Paris").Country);
    }

    [Fact]
    public void Dateline_gives_context_for_ambiguous_places()
    {
        var facts = Extract("Officials in Windsor said the bridge would close.", dateline: "London");

        Assert.Equal("GB", Assert.Single(facts.Places, p => p.Name == "Windsor").Country);
    }

    [Fact]
    public void A_town_named_like_a_person_of_the_article_is_that_person()
    {
        var facts = Extract("District superintendent Gary Lewis backed the new timetable on Monday. " +
                            "According to Lewis, a study hall period may help students.");

        Assert.Empty(facts.Places);
        Assert.Empty(facts.Countries);
    }

    [Fact]
    public void Currency_gives_the_home_country_when_the_lead_names_none()
    {
        const string body = "Acme Tool Works said its first quarter profit rose to 12.5 mln dlrs, or 45 cts a share, " +
                            "from 9.1 mln dlrs a year earlier, helped by higher sales of hand tools and lower interest costs. " +
                            "The company said orders for the second quarter were running well ahead of last year's pace. " +
                            "It said it expects sales in Japan to double this year. Exports to Japan rose 30 pct.";

        var countries = Extract(body).Countries;

        Assert.Contains("US", countries);
        Assert.Contains("JP", countries);
    }

    [Fact]
    public void A_small_foreign_town_in_a_story_placed_only_in_the_us_gives_no_foreign_country()
    {
        var facts = Extract("Police in Laurel County, Kentucky, said the crash happened on a road outside Tralee late on Friday.");

        Assert.Equal(["US"], facts.Countries);
        Assert.Equal("", Assert.Single(facts.Places, p => p.Name == "Tralee").Country);
    }

    [Fact]
    public void A_listing_venue_is_not_a_country_of_the_story()
    {
        var facts = Extract("Norway's state oil company is issuing a 200 mln dlr bond. The bonds will be listed in Luxembourg.");

        Assert.Equal(["NO"], facts.Countries);
        Assert.Contains(facts.Places, p => p.Country == "LU");
    }

    [Fact]
    public void Empty_body_gives_empty_facts()
    {
        Assert.Equal(ArticleFacts.Empty, Extract(""));
    }
}
