using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Extraction.Speakers;

namespace Summit.Tests.Extraction;

/// <summary>Attribution constructions of news prose (sentences written for these tests).</summary>
public class SpeakerAttributionTests
{
    private static ArticleFacts Extract(string body) =>
        Extractor.ExtractCore(new Article("t", "Test", body));

    private static string? SpeakerOf(ArticleFacts facts, string quoteStart)
    {
        var quote = facts.Quotes.SingleOrDefault(q => q.Text.StartsWith(quoteStart, StringComparison.Ordinal));
        Assert.True(quote is not null, $"no quote starting with \"{quoteStart}\"; found: {string.Join(" | ", facts.Quotes.Select(q => q.Text))}");
        return quote.Speaker;
    }

    /// <summary>
    /// The speaker of each quote and the rule that finds it, in the order of <see cref="SpeakerResolver.Rules"/>: each row
    /// is named after the test it used to be. A new rule is its class plus a row here.
    /// </summary>
    public static TheoryData<SpeakerCase> Speakers => new()
    {
        new(nameof(AttributionAfterOpeningQuote), "Shot_back_after_a_quote_names_the_speaker",
            "Candidates Greta Lund and Victor Hale debated on Tuesday.\n\n"
                + "\"Greta wants to look tough tonight,\" Hale shot back.",
            ("Greta wants", "Victor Hale")),

        new(nameof(AttributionAfterOpeningQuote), "A_past_tense_verb_before_a_person_is_an_inverted_attribution",
            "The hall erupted when the result came in.\n\n\"This is wonderful!\" beamed Diane Foster, a delegate from Ohio.",
            ("This is wonderful", "Diane Foster")),

        new(nameof(AttributionAfterOpeningQuote), "He_said_goes_to_the_subject_after_an_opening_phrase",
            "Former president Felipe Ortega met Donald Reyes in March.\n\n"
                + "Reyes has said little about the meeting.\n\n"
                + "In his assessment of the talks, Ortega voiced disappointment that the trade deal stalled.\n\n"
                + "\"It is a sad day for both countries,\" he said.",
            ("It is a sad day", "Felipe Ortega")),

        new(nameof(AttributionAfterOpeningQuote), "According_to_after_a_quote_names_its_source",
            "Mayor Rita Gomez opened the new terminal on Monday.\n\n"
                + "\"The harbour was never closed to ships of that size,\" according to a letter from harbour master Dana Whitfield.",
            ("The harbour was never", "Dana Whitfield")),

        new(nameof(AttributionAfterOpeningQuote), "A_present_tense_noun_like_verb_after_a_quote_and_a_person_attributes_it",
            "Senator Ted Marsh and Governor Ann Blake toured the plant.\n\n"
                + "\"Nobody here has read the report,\" Blake notes.",
            ("Nobody here", "Ann Blake")),

        new(nameof(AttributionAfterOpeningQuote), "He_may_refer_to_a_surname_that_is_also_a_common_word_when_it_said_something",
            "Mayor Tom Price said volunteers from the Ridgeway clinic arrived on Monday.\n\n"
                + "The children sang a song for the nurses, and the clinic will stay open all week, Song said.\n\n"
                + "\"We have enough beds for the winter,\" he said.",
            ("We have enough beds", "Song")),

        new(nameof(AttributionAfterOpeningQuote), "A_person_after_but_opens_a_clause_and_is_a_pronoun_antecedent",
            "Senator Paul Okoye spoke first at the hearing.\n\n"
                + "The chairman wanted to move on, but Governor Ray Lund would not let it go.\n\n"
                + "\"This plan was written in a single night,\" he said.",
            ("This plan was written", "Ray Lund")),

        new(nameof(AttributionAfterOpeningQuote), "The_object_before_a_participle_after_a_comma_is_no_pronoun_antecedent",
            "At a town hall in Dover, Senator Tom Reed went after Governor Paul Okoye, calling him a tax addict.\n\n"
                + "\"He has never balanced a budget in his life,\" he said.",
            ("He has never balanced", "Tom Reed")),

        new(nameof(AttributionAfterOpeningQuote), "A_person_with_an_appositive_after_a_question_quote_speaks_it",
            "Mayor Linda Carver and Tom Reyes met the residents on Monday.\n\n"
                + "\"Who pays for the bridge?\" Reyes, a retired teacher, asked at the meeting.",
            ("Who pays for the bridge", "Tom Reyes")),

        new(nameof(AttributionAfterOpeningQuote), "An_indefinite_pronoun_subject_is_no_antecedent_of_he",
            "Senator Tom Reed spoke first at the hearing.\n\n"
                + "Nobody asked about the bridge, so the chairman raised it.\n\n"
                + "\"It is falling apart and everyone knows it,\" he said.",
            ("It is falling apart", "Tom Reed")),

        new(nameof(AttributionAfterOpeningQuote), "A_name_opening_a_reported_clause_after_an_inverted_verb_is_no_source",
            "Governor Tom Reyes spoke at the rally on Monday.\n\n"
                + "Bob Foster, 49, a navy veteran who now is a civilian employee of the Air Force, said Tom Reyes should be ready "
                + "for questions about the bridge. He attended the rally, though he is still not sure whether he will vote.\n\n"
                + "\"I ask my wife, is the bridge going to be ready?\" he said.",
            ("I ask my wife", "Bob Foster")),

        new(nameof(AttributionAfterOpeningQuote), "Even_before_a_name_still_opens_the_clause",
            "Prime Minister Justin Halvorsen and President Tom Reyes met in Ottawa. Halvorsen promised to work with "
                + "whoever wins the election. And even Reyes tried to stay neutral, noting that he would do the same.\n\n"
                + "\"It is not my job to pick winners abroad,\" he said.",
            ("It is not my job", "Tom Reyes")),

        new(nameof(AttributionAfterOpeningQuote), "A_quote_ending_in_a_nested_quote_is_attributed_after_it",
            "Mayor Linda Carver and Tom Reyes met the volunteers on Monday.\n\n"
                + "\"We will win this county,\" Carver said.\n\n"
                + "\"He just stopped and said, 'We have to win the county,'\" Reyes, the chairman of the county party, said of the encounter.",
            ("He just stopped", "Tom Reyes")),

        new(nameof(AttributionAfterOpeningQuote), "A_lowercase_descriptor_before_a_name_still_opens_the_clause",
            "\"We are seeing it across the board,\" said Tom Reyes, a finance chairman for the party.\n\n"
                + "Just a few months ago, Florida developer Bob Foster expressed dismay at the thought of the merger. "
                + "\"I kept telling myself that it would not happen,\" he told the Tampa Bay Times in February.",
            ("I kept telling myself", "Bob Foster")),

        new(nameof(AttributionAfterOpeningQuote), "A_title_before_a_name_after_an_exclamation_does_not_hide_the_speaker",
            "Former House speaker Newt Gingrich spoke on Monday.\n\n"
                + "The museum also waived its admission fee during the convention.\n\n"
                + "\"Perpetual motion!\" Rep. Glenn Thompson, R-Pa., said of the swirl of convention activities.",
            ("Perpetual motion", "Glenn Thompson")),

        new(nameof(AttributionAfterOpeningQuote), "A_past_tense_after_a_quote_followed_by_a_new_clause_still_names_the_speaker",
            "Tom Reyes tried to ask a question when Linda Carver shot back that the reporter had not been called on.\n\n"
                + "\"Go back to your seat,\" Carver barked and a guard walked Reyes out.",
            ("Go back to your seat", "Linda Carver")),

        new(nameof(AttributionAfterOpeningQuote), "An_inverted_subject_ends_before_a_clause_that_names_someone_else",
            "Senator Linda Carver toured the harbour on Monday.\n\n"
                + "\"Anyone who ignores the harbour rules puts the town at risk,\" said ferry captain Tom Reyes when asked about Linda Carver.",
            ("Anyone who ignores", "Tom Reyes")),

        new(nameof(AttributionAfterOpeningQuote), "An_inverted_verb_before_an_outlets_reporter_makes_the_reporter_a_source",
            "\"The budget will pass,\" said Mayor Paul Okoye.\n\n"
                + "The vote is unlikely to change much, noted the Herald's Tom Reyes.\n\n"
                + "\"Councils rarely reverse course this late,\" he wrote.",
            ("Councils rarely reverse", "Tom Reyes")),

        new(nameof(AttributionAfterOpeningQuote), "A_person_introduced_at_the_end_of_the_previous_paragraph_is_the_next_he",
            "\"We need more buses,\" said Councillor Tom Reyes.\n\n"
                + "While Reyes pushed for buses, the plan worried Paul Okoye, president of the riders union.\n\n"
                + "\"Nobody asked the riders,\" he said.",
            ("Nobody asked the riders", "Paul Okoye")),

        new(nameof(AttributionAfterOpeningQuote), "He_does_not_refer_to_a_woman_named_by_her_given_name_alone",
            "\"Vote for the ferry,\" said Mayor Paul Okoye.\n\n"
                + "\"I will,\" Melanie said.\n\n\"Thank you all,\" he said.",
            ("Thank you all", "Paul Okoye")),

        new(nameof(AttributionAfterOpeningQuote), "An_inverted_attribution_with_a_title_makes_the_person_a_pronoun_antecedent",
            "Paul Okoye said the ferry plan was sound.\n\n"
                + "\"We need buses first,\" said Councillor Tom Reyes, who chairs the transport committee.\n\n"
                + "\"Trams can wait,\" he added.",
            ("Trams can wait", "Tom Reyes")),

        // The given-name table lists Adel as a woman's name; the article says otherwise.
        new(nameof(AttributionAfterOpeningQuote), "The_articles_own_pronoun_after_said_gives_a_persons_gender",
            "\"The harbour is safe,\" said Mayor Paul Okoye.\n\n"
                + "Adel Rahimi said he had warned the council twice.\n\n"
                + "\"Nobody listened,\" he said.",
            ("Nobody listened", "Adel Rahimi")),

        new(nameof(AttributionAfterOpeningQuote), "An_article_and_adjective_before_a_person_after_a_quote_still_name_the_speaker",
            "Mayor Paul Okoye said the harbour was finished.\n\n"
                + "\"The harbour will always be the harbour,\" an angry Linda Carver retaliated.",
            ("The harbour will always", "Linda Carver")),

        // RoleHolders: a role description is the one person the article names in that role (the quote keeps the description).
        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_role_before_a_name_resolves_the_description",
            "Tory leader Michael Howard visited Leeds on Monday.\n\n\"We will cut taxes for every family,\" the Tory leader said.",
            ("We will cut", "Tory leader")) { RoleHolders = [("We will cut", "Michael Howard")] },

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_title_before_a_name_is_the_role_of_a_lowercase_description",
            "President Joe Biden arrived in Warsaw on Tuesday.\n\n\"Ukraine will never be a victory for Russia,\" the president said.",
            ("Ukraine will never", "president")) { RoleHolders = [("Ukraine will never", "Joe Biden")] },

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_role_in_apposition_after_a_name",
            "Gordon Brown, the chancellor, spoke in Gateshead on Saturday.\n\n\"The economy has never been stronger,\" the chancellor said.",
            ("The economy has", "chancellor")) { RoleHolders = [("The economy has", "Gordon Brown")] },

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_role_before_a_comma_and_a_name_and_a_possessor_written_lowercase",
            "The company's chief executive, Jane Whitmore, opened the plant on Friday.\n\n"
                + "\"Sales will double by next year,\" the company's chief executive said.",
            ("Sales will double", "company's chief executive")) { RoleHolders = [("Sales will double", "Jane Whitmore")] },

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_list_of_names_with_roles_gives_each_role_to_the_name_before_it",
            "Michael Howard, the Tory leader, Charles Kennedy, the Lib Dem leader, and Tony Blair met on Monday.\n\n"
                + "\"We will cut taxes for every family,\" the Tory leader said.",
            ("We will cut", "Tory leader")) { RoleHolders = [("We will cut", "Michael Howard")] },

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: an_honorific_between_the_role_and_the_name_is_looked_through",
            "Poorer students are still rare, said its chief executive, Sir Howard Newby.\n\n"
                + "\"Participation has hardly changed at all,\" the chief executive said.",
            ("Participation has", "chief executive")) { RoleHolders = [("Participation has", "Howard Newby")] },

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_persons_deputy_is_that_persons_side_not_a_role_to_resolve",
            "Tory leader Michael Howard visited Leeds on Monday.\n\n\"We will cut taxes for every family,\" Mr Howard's deputy said.",
            ("We will cut", "Michael Howard")),

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: two_persons_in_the_role_resolve_to_neither",
            "President Joe Biden met President Emmanuel Macron in Paris.\n\n\"We agree on Ukraine,\" the president said.",
            ("We agree", "president")),

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_role_the_article_does_not_name_keeps_the_description",
            "Michael Howard visited Leeds on Monday.\n\n\"We will cut taxes for every family,\" the Tory leader said.",
            ("We will cut", "Tory leader")),

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_modifier_of_the_description_must_be_in_the_role",
            "Labour leader Tony Blair visited Leeds on Monday.\n\n\"We will cut taxes for every family,\" the Tory leader said.",
            ("We will cut", "Tory leader")),

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: an_office_modifier_of_the_role_must_be_in_the_description",
            "Vice President Kamala Harris and ex-Conservative chancellor Ken Clarke toured Ohio.\n\n"
                + "\"Ukraine will never be a victory for Russia,\" the president said. \"Rates must fall,\" the chancellor said.",
            ("Ukraine will never", "president"), ("Rates must fall", "chancellor")),

        new(nameof(AttributionAfterOpeningQuote), "RoleHolders: a_spokesman_says_whose_to_be_resolved",
            "Mark Oaten, the Lib Dem spokesman, criticised the bill.\n\n\"The bill will take a decade to work,\" a spokesman said.",
            ("The bill will", "spokesman")),

        new(nameof(AttributionBeforeOpeningQuote), "As_x_put_it_names_the_speaker_of_the_quote_after_it",
            "Senator Mark Dunn and Senator Lise Varga met the nominee.\n\n"
                + "Few senators expect a hearing. As Varga put it: \"This nomination is going nowhere this year.\"",
            ("This nomination", "Lise Varga")),

        new(nameof(AttributionBeforeOpeningQuote), "An_inverted_verb_before_a_colon_has_its_subject_after_it",
            "Mayor Linda Carver spoke first at the debate.\n\n"
                + "In other words, asked moderator Tom Reyes: \"Who pays for the bridge?\"",
            ("Who pays for", "Tom Reyes")),

        new(nameof(AttributionBeforeOpeningQuote), "The_verb_introducing_a_quote_with_a_colon_names_its_speaker_even_a_description",
            "Mayor Paul Okoye kept talking as the heckler yelled: \"Resign now!\"",
            ("Resign now", "heckler")),

        new(nameof(QuoteList), "A_list_of_partial_quotes_shares_the_speaker_who_went_on_about_them",
            "As Mayor Paul Okoye went on about \"safer streets,\" and \"honest budgets\" and \"new ferries,\" "
                + "Linda Carver said yes, yes, yes.",
            ("safer streets", "Paul Okoye"), ("honest budgets", "Paul Okoye"), ("new ferries", "Paul Okoye")),

        new(nameof(QuoteList), "An_attribution_after_a_list_of_partial_quotes_names_the_speaker_of_all",
            "Mayor Paul Okoye opened the session.\n\n"
                + "Ferries are \"the backbone of the town\" and \"cheaper than bridges,\" Tom Reyes, the harbour master, told the council.",
            ("the backbone", "Tom Reyes"), ("cheaper than bridges", "Tom Reyes")),

        new(nameof(InvertedSaidRightAfter), "An_inverted_said_right_after_a_mid_sentence_quote_beats_an_earlier_reporting_person",
            "Mayor Linda Carver spoke at the rally on Monday.\n\n"
                + "When Carver said at the rally that she would not take the union's money, she \"showed how the teachers in this "
                + "city are feeling,\" said Tom Reyes, a member of the union's steering committee.",
            ("showed how the teachers", "Tom Reyes")),

        new(nameof(PersonReportingBefore), "A_participle_after_a_partial_quote_keeps_the_clause_subject",
            "Mayor Linda Carver and Councillor Tom Reyes met on Monday.\n\n"
                + "Carver insisted the plan had \"saved the harbour,\" claiming that the new ferry doubled trade.",
            ("saved the harbour", "Linda Carver")),

        new(nameof(PersonReportingBefore), "Saying_before_a_quote_belongs_to_the_main_clause_subject",
            "Governor Helen Marsh and Senator Paul Okoye toured the site.\n\n"
                + "Back in the capital, Okoye went on the attack, saying, \"Nobody was consulted about the dam.\"",
            ("Nobody was consulted", "Paul Okoye")),

        new(nameof(PersonReportingBefore), "Saying_after_a_pronoun_subject_resolves_the_pronoun",
            "Senator Paul Okoye toured the dam with engineers.\n\n"
                + "Then he criticised Governor Helen Marsh, saying, \"The budget is a fantasy.\"",
            ("The budget is", "Paul Okoye")),

        new(nameof(PersonReportingBefore), "A_quote_closed_by_a_full_stop_is_not_attributed_to_the_next_long_sentence",
            "The day after the vote, Governor Doug Lane called the queues \"unacceptable.\" "
                + "Mayor Rita Gomez wrote a letter to the attorney general asking for an inquiry.",
            ("unacceptable", "Doug Lane")),

        new(nameof(PersonReportingBefore), "A_participle_after_a_preposition_is_not_the_reporting_verb",
            "Chairman Ray Pollard and Governor Mitt Olsen spoke at the meeting.\n\n"
                + "Pollard scolded Olsen for suggesting that migrants should \"go home by themselves.\"",
            ("go home", "Ray Pollard")),

        new(nameof(PersonReportingBefore), "A_quote_inside_a_reporting_clause_is_not_given_to_the_next_clause",
            "Senator Ted Marsh said he would make the desert \"glow in the dark,\" for instance, "
                + "and Governor Ann Blake vowed to cut taxes.",
            ("glow in the dark", "Ted Marsh")),

        new(nameof(PersonReportingBefore), "A_person_reporting_earlier_in_the_sentence_beats_a_nearer_common_noun_subject",
            "Senator Paul Okoye said he expected that voters would say \"no more tolls on the bridge\" in the spring.",
            ("no more tolls", "Paul Okoye")),

        new(nameof(PersonReportingBefore), "A_reporting_verb_form_after_a_possessive_is_no_verb",
            "Governor Helen Marsh and Senator Paul Okoye debated the budget on Tuesday.\n\n"
                + "Okoye then interjected, calling Marsh's proposed bridge toll \"a tax on every commuter.\"",
            ("a tax on every", "Paul Okoye")),

        new(nameof(PersonReportingBefore), "A_person_in_an_opening_comparison_is_not_the_subject",
            "Senator Tom Reyes and Mayor Linda Carver spoke on Monday.\n\n"
                + "Like Reyes, Carver also rejected the plan, arguing that there is \"no money for a second bridge\" in the budget.",
            ("no money for", "Linda Carver")),

        new(nameof(PersonReportingBefore), "A_parenthetical_inverted_attribution_names_the_speaker",
            "Mayor Linda Carver opened the harbour on Monday.\n\n"
                + "The paradox of Carver, says Tom Reyes, a historian at the city museum, is that she was "
                + "\"the most powerful mayor the town never elected.\"",
            ("the most powerful mayor", "Tom Reyes")),

        new(nameof(PersonReportingBefore), "A_hyphenated_surname_alone_is_linked_to_the_full_name",
            "\"We want the state to be involved less,\" Carlos Lopez-Cantera said.\n\n"
                + "Patrick Murphy, who was elected to the House in 2012, argued his fight is especially relevant "
                + "\"in states where they are stealing money.\"\n\n"
                + "On his campaign website, Lopez-Cantera promises to end the standards. He told a reporter the state's own "
                + "standards are not perfect but \"getting better and better.\"",
            ("getting better", "Carlos Lopez-Cantera")),

        new(nameof(PersonReportingBefore), "A_quote_inside_a_persons_claim_that_is_the_claimants",
            "Senator Paul Okoye rejected Mayor Linda Carver's claim that the ferry had \"doubled trade in a year.\"\n\n"
                + "Okoye said Carver's claim that the ferry pays for itself was \"simply false.\"",
            ("doubled trade", "Linda Carver"), ("simply false", "Paul Okoye")),

        new(nameof(PersonReportingBefore), "A_participle_after_a_noun_does_not_take_the_quote_from_the_reporting_verb",
            "During the debate, Mayor Linda Carver claimed that statements made by Councillor Paul Okoye calling for "
                + "a ferry ban make him \"the harbour's worst enemy.\"\n\n"
                + "Later, with Paul Okoye calling it a \"cheap shot,\" the debate ended.",
            ("the harbour's worst enemy", "Linda Carver"), ("cheap shot", "Paul Okoye")),

        new(nameof(PersonReportingBefore), "A_reporting_verbs_form_after_a_possessive_and_an_adjective_is_a_noun",
            "Mayor Paul Okoye wants to cut the ferry budget.\n\n"
                + "Linda Carver, a ferry captain, decried Okoye's repeated calls for cuts, noting the mayor has \"never sailed a day.\"",
            ("never sailed", "Linda Carver")),

        new(nameof(PersonReportingBefore), "A_relative_clause_with_commas_between_a_person_and_said_keeps_the_person",
            "Mayor Paul Okoye opened the ferry on Monday.\n\n"
                + "Linda Carver, who lives in a village outside the county town, Easton, said she still \"worries about the tides.\"",
            ("worries about the tides", "Linda Carver")),

        new(nameof(ClosingAttribution), "A_closing_attribution_covers_a_partial_quote_inside_its_clause",
            "Analyst Karen Duval follows the port.\n\n"
                + "\"Nothing short of a miracle\" would save the season, Duval said on Friday.",
            ("Nothing short", "Karen Duval")),

        new(nameof(ClosingAttribution), "An_inverted_closing_attribution_covers_a_partial_quote",
            "\"Many would call that a defeat\" if the vote were lost, said Omar Qureshi, an analyst at a Chicago bank.",
            ("Many would call", "Omar Qureshi")),

        new(nameof(ClosingAttribution), "A_closing_according_to_covers_a_partial_quote_also_before_another_paragraph",
            "Pressure is building on Mayor Paul Okoye, who was greeted with chants of \"four more years\" at a rally last week, "
                + "according to union organiser Linda Carver.\n\nThe rally ended at noon.",
            ("four more years", "Linda Carver")),

        new(nameof(ClosingAttribution), "A_closing_attribution_covers_a_partial_quote_also_before_another_paragraph",
            "Mayor Paul Okoye spoke first.\n\n"
                + "Without \"a real timetable\" the ferry plan would fail, Councillor Linda Carver said.\n\nThe council met again later.",
            ("a real timetable", "Linda Carver")),

        new(nameof(ClosingAttribution), "A_closing_attribution_covers_the_quote_before_it_when_a_participle_carries_the_next_one",
            "Mayor Paul Okoye spoke on Monday.\n\n"
                + "The ferry's \"delays\" are unacceptable, Linda Carver said Tuesday, noting the operator \"keeps breaking promises.\"",
            ("delays", "Linda Carver")),

        new(nameof(NonPersonReportingBefore), "A_noun_like_present_tense_between_a_name_and_that_is_a_reporting_verb",
            "Mayor Linda Carver met the ferry operators on Monday.\n\n"
                + "So, who was right? - Reyes notes that the surveys of the harbour were not \"conclusive,\" with some far better than others.",
            ("conclusive", "Reyes")),

        new(nameof(NonPersonReportingBefore), "Police_opening_a_sentence_is_a_source",
            "The parade returns to Main Street on Sunday. Police say they have \"enough officers\" for the crowds.",
            ("enough officers", "police")),

        new(nameof(NonPersonReportingBefore), "Saying_after_a_descriptive_subject_keeps_the_description",
            "Mayor Paul Okoye asked for a delay.\n\n"
                + "In May, several environmental groups granted the town more time, saying its \"budget was thinner than planned.\"",
            ("budget was thinner", "several environmental groups")),

        new(nameof(NonPersonReportingBefore), "A_subject_ends_before_a_past_tense_with_its_object",
            "Mayor Paul Okoye unveiled the ferry plan on Monday.\n\n"
                + "The Harbour Council released a statement Tuesday saying the plan was \"reckless and rushed.\"",
            ("reckless and rushed", "Harbour Council")),

        new(nameof(NonPersonReportingBefore), "RoleHolders: a_role_after_a_comma_that_opens_the_next_clause_is_no_apposition",
            "Echoing Secretary of State Condoleezza Rice, the prime minister said he was \"not planning any strikes\" on Iran.",
            ("not planning", "prime minister")),

        new(nameof(NonPersonReportingBefore), "RoleHolders: a_role_of_an_organisation_in_apposition_after_a_name",
            "Web services are changing. Dan Gillmor, founder of Grassroots Media, which supports citizen-based media, said the tool was "
                + "a \"bad idea, and an unfortunate move by a company that is looking to continue its hypergrowth\".",
            ("bad idea", "founder of Grassroots Media")) { RoleHolders = [("bad idea", "Dan Gillmor")] },

        new(nameof(SubjectBeforeColon), "A_colon_after_a_clause_without_a_reporting_verb_gives_the_quote_to_its_subject",
            "Mayor Linda Carver had one message for the council: \"Fix the bridge before winter.\"",
            ("Fix the bridge", "Linda Carver")),

        new(nameof(ReporterOfPreviousSentence), "A_statement_sentence_introduces_the_quote_after_it",
            "Jonas Berg, the party's treasurer, said in a statement. \"There are no paper ballots to count again.\"",
            ("There are no paper", "Jonas Berg")),

        new(nameof(ReporterOfPreviousSentence), "A_quote_after_a_sentence_in_which_someone_else_reports_is_theirs",
            "\"The ferry is safe,\" said Mayor Paul Okoye.\n\n"
                + "His former deputy, Tom Reyes, called him a master of budgets. \"He balanced every account he touched.\"",
            ("He balanced every account", "Tom Reyes")),

        new(nameof(IntroducedByPreviousSentence), "The_person_of_an_opening_subordinate_clause_is_not_the_sentence_subject",
            "Former mayor Tom Reyes led the town for a decade.\n\n"
                + "When Reyes died in 2001, Governor Linda Carver released the following statement:\n\n"
                + "\"The harbour owes him its second life.\"",
            ("The harbour owes him", "Linda Carver")),

        new(nameof(SentenceSubject), "A_partial_quote_goes_to_the_person_opening_the_main_clause",
            "Shortly afterward, Senator Tom Price issued a correction about \"the agency, not its staff.\"",
            ("the agency, not its staff", "Tom Price")),

        new(nameof(SentenceSubject), "A_prepositional_phrase_is_no_speaker",
            "Mayor Linda Carver spoke at the convention on Monday.\n\n"
                + "Bob Foster, 22, of Springfield, Ohio, said he still hoped for a convention \"surprise,\" because he could never vote for Carver.",
            ("surprise", "Bob Foster")),

        new(nameof(SentenceSubject), "A_time_phrase_before_a_reporting_verb_is_no_speaker",
            "Mayor Linda Carver opened the harbour on Monday.\n\n"
                + "Tom Reyes, who has in the past described the mayor as \"a menace to the harbour,\" stayed away from the ceremony.",
            ("a menace to", "Tom Reyes")),

        new(nameof(SentenceSubject), "A_place_after_a_preposition_before_the_verb_is_not_its_subject",
            "Mayor Linda Carver carried the county easily.\n\n"
                + "Carver, during a town hall meeting in Columbus, Ohio, said she was \"going to put a lot of ferry operators "
                + "out of business,\" while explaining her plan.",
            ("going to put a lot", "Linda Carver")),

        new(nameof(SentenceSubject), "A_participle_after_upon_is_not_the_clauses_reporting_verb",
            "Linda Carver, herself a ferry supporter, drew boos upon saying, \"We need the ferry.\"",
            ("We need the ferry", "Linda Carver")),

        new(nameof(LastSpeakerNearby), "A_quote_without_attribution_right_after_the_last_quote_is_the_last_speakers",
            "\"The ferry is safe,\" said Mayor Paul Okoye.\n\nThe new boats are \"faster than anything on the lake.\"",
            ("faster than anything", "Paul Okoye")),

        new(nameof(PersonEarlierInParagraph), "Without_an_attribution_a_person_of_the_quotes_paragraph_beats_the_latest_source",
            "\"We will finish the bridge by May,\" Mayor Linda Carver said on Monday.\n\n"
                + "The council meets again next week.\n\nThe vote on the toll is due in June.\n\n"
                + "The scheduling was so odd that a spokesman for Tom Reyes could only quip: \"I guess the holiday was booked.\"",
            ("I guess the holiday", "Tom Reyes")),

        new(nameof(LatestSource), "A_quote_with_no_attribution_goes_to_the_latest_source",
            "Rita Gomez, the mayor, said on Monday that the port would be rebuilt.\n\n"
                + "Work starts in May. The first cranes arrive in June.\n\n"
                + "The new terminal will be \"the biggest in the region by far\" when it opens.",
            ("the biggest in the region", "Rita Gomez")),

        new(nameof(LastSpeaker), "Without_a_source_in_the_article_a_quote_without_attribution_is_the_last_speakers",
            "The harbour closed in March, \"for good,\" according to Linda Carver.\n\n"
                + "The storm came in March. The port closed for weeks.\n\nInsurance was slow.\n\nRepairs stalled for months.\n\n"
                + "The plan is \"a promise to every fisherman in town.\"",
            ("a promise to every", "Linda Carver")),
    };

    [Theory, MemberData(nameof(Speakers))]
    public void The_speaker_of_each_quote(SpeakerCase c) => c.AssertHolds(Extract);

    [Fact]
    public void Every_rule_has_a_row()
    {
        var rows = Speakers.Cast<object[]>().Concat(ExtractorTests.Speakers).Select(row => ((SpeakerCase)row[0]).Rule).ToHashSet();

        Assert.All(SpeakerResolver.Rules, rule => Assert.Contains(rule.Name, rows));
    }

    [Fact]
    public void A_misread_clause_is_not_a_speaker()
    {
        var facts = Extract("Fundraising was \"flat for a month,\" as donors waited.");

        Assert.DoesNotContain(facts.Quotes, q => q.Speaker == "Fundraising");
    }

    [Fact]
    public void A_one_word_scare_quote_gets_no_guessed_speaker()
    {
        var facts = Extract("Rita Gomez, the mayor, said on Monday that the port would be rebuilt.\n\n"
                            + "Critics call the plan a \"vanity\" project.");

        Assert.DoesNotContain(facts.Quotes, q => q.Text == "vanity");
    }

    [Fact]
    public void A_nickname_inside_a_name_is_not_a_quote()
    {
        var facts = Extract("Shortly afterward, Robert C. \"Bobby\" Lane and John \"Tig\" Tiller arrived at the hearing.");

        Assert.Empty(facts.Quotes);
    }

    [Fact]
    public void A_verb_in_an_opening_subordinate_clause_does_not_report_the_main_clauses_quote()
    {
        var facts = Extract("Mayor Paul Okoye and Councillor Linda Carver met the ferry crews.\n\n"
                            + "When delays are revealed as part of the winter timetable, Okoye and Carver call them \"weather events\" and move on.");

        Assert.Contains(SpeakerOf(facts, "weather events"), new[] { "Paul Okoye", "Linda Carver" });
    }
}
