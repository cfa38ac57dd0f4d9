using Summit.Engine.Articles;
using Summit.Engine.Extraction;

namespace Summit.Tests.Extraction;

/// <summary>Places and the countries an article is about: headline, home country, namesakes, demonyms.</summary>
public class PlaceExtractionTests
{
    private static ArticleFacts Extract(string body, string title = "Test") =>
        Extractor.ExtractCore(new Article("t", title, body));

    /// <summary>The countries of the story, in order: one row per rule (one per assertion of a test that checked several articles),
    /// named after the test it used to be; no codes means no countries.</summary>
    public static TheoryData<FactsCase> Countries => new()
    {
        new("A_state_named_like_a_country_is_the_state_in_an_american_story",
            "Heavy rain fell across north Georgia on Tuesday, and metro Atlanta saw flooded roads.", "US"),

        new("A_demonym_naming_a_local_feature_gives_no_country",
            "The fire started in a kitchen at the Spanish Oaks complex on Indian Lake Road in Fresno.", "US"),

        // Obama is also a town in Japan.
        new("A_lone_small_foreign_town_in_a_story_placed_elsewhere_gives_no_country",
            "Voters in Los Angeles and San Diego lined up early. Obama won Orange County by a wide margin.", "US"),

        new("American_usage_places_a_story_without_place_names_in_the_us (1/3)",
            "Turnout rose 12 percent, the election board said.", "US"),

        new("American_usage_places_a_story_without_place_names_in_the_us (2/3)",
            "The meeting of the selectmen starts at 7 p.m. in the town hall.", "US"),

        new("American_usage_places_a_story_without_place_names_in_the_us (3/3)",
            "Turnout rose 12 per cent, the election board said."),

        new("A_county_named_like_a_country_is_an_american_county",
            "Foreclosures pending in the Guernsey County court rose again in February.", "US"),

        new("American_spelling_picks_the_american_namesake_of_a_town (1/2)",
            "The recycling center in Athens will accept glass from Friday.", "US"),

        new("American_spelling_picks_the_american_namesake_of_a_town (2/2)",
            "The recycling centre in Athens will accept glass from Friday.", "GR"),

        new("The_company_a_business_story_opens_with_gives_the_country_of_its_legal_form (1/4)",
            "Harlow Plc said it would open a distribution centre in Germany next year, creating 300 jobs.", "GB", "DE"),

        new("The_company_a_business_story_opens_with_gives_the_country_of_its_legal_form (2/4)",
            "Shares of Kessler AG rose sharply after the toolmaker raised its profit forecast for the year.", "DE"),

        new("The_company_a_business_story_opens_with_gives_the_country_of_its_legal_form (3/4)",
            "Dorrance Co said it would close its bottling plant in Mexico by the end of June.", "US", "MX"),

        new("The_company_a_business_story_opens_with_gives_the_country_of_its_legal_form (4/4)",
            "Dorrance Co Plc said it would close its bottling plant in Mexico by the end of June.", "GB", "MX"),

        new("Marks_after_an_amount_are_german_money (1/2)",
            "Net profit rose to 41 million marks from 33 million, the toolmaker said, and sales grew by a tenth.", "DE"),

        new("Marks_after_an_amount_are_german_money (2/2)",
            "The deal marks the first time the toolmaker has bought a rival, its chairman said."),

        new("A_place_or_demonym_opening_a_company_name_is_not_a_country_of_the_story",
            "Harbor Freight Lines signed a ten-year contract on Monday to ship fuel for British Marine Fuels Co Ltd " +
                "from its terminal in Houston.", "US"),

        new("A_name_with_a_small_word_is_found_in_a_capitalised_headline",
            "Crews were taken off drilling platforms on Tuesday as the storm moved toward Louisiana.", "US") { Title = "STORM SHUTS GULF OF MEXICO RIGS" },

        new("A_national_agency_gives_its_country",
            "Average mortgage rates fell for a third straight week, the Federal Home Loan Bank Board said on Friday.", "US"),

        new("A_bare_stock_symbol_places_a_story_that_names_no_country_in_the_us (1/3)",
            "Harwick Savings Bank said its board declared a five pct stock dividend, payable May 4 to holders of record.", "US") { Title = "HARWICK SAVINGS <HRWK> DECLARES STOCK DIVIDEND" },

        new("A_bare_stock_symbol_places_a_story_that_names_no_country_in_the_us (2/3)",
            "Harwick Savings Bank said its board declared a five pct stock dividend, payable May 4 to holders of record.") { Title = "HARWICK SAVINGS <HRWK.S> DECLARES STOCK DIVIDEND" },

        new("A_bare_stock_symbol_places_a_story_that_names_no_country_in_the_us (3/3)",
            "<B>Harwick Savings Bank said its board declared a five pct stock dividend, payable May 4 to holders of record.</B>"),

        new("Hong_kong_abbreviated_in_an_amount_gives_its_country",
            "Net profit rose to 16.7 mln H.K. Dlrs in the year to March from 11.3 mln, the shipping group said.", "HK"),

        new("New_england_is_an_american_region",
            "Heating oil prices rose across New England this week as the cold snap deepened, distributors said.", "US"),

        new("A_stock_symbol_with_an_exchange_suffix_gives_the_country_of_the_listing (1/2)",
            "Harcourt Mills Inc <HRCM.T> said its group net profit rose 12 pct in the year to March on strong exports.", "JP"),

        new("A_stock_symbol_with_an_exchange_suffix_gives_the_country_of_the_listing (2/2)",
            "Group net profit 12.4 mln vs 11.1 mln. Turnover 310 mln vs 287 mln.", "DE") { Title = "BRENNER WERKE <BRNG.F> YEAR NET" },

        new("New_zealand_abbreviated_gives_its_country",
            "The central bank will offer 80 mln N.Z. Dlrs of treasury bills at its weekly tender on Tuesday, it said.", "NZ"),

        new("A_town_in_a_company_name_of_an_all_caps_headline_is_no_place (1/2)",
            "Shr 33 cts vs 48 cts. Net 4,435,000 vs 6,410,000. Revs 839.7 mln vs 802.1 mln.", "US") { Title = "BERGEN FOODS CORP <BRGF> 2ND QTR NET" },

        new("A_town_in_a_company_name_of_an_all_caps_headline_is_no_place (2/2)",
            "Shr 33 cts vs 48 cts. Net 4,435,000 vs 6,410,000. Revs 839.7 mln vs 802.1 mln.", "MY") { Title = "<TRACTORS MALAYSIA HOLDINGS BHD> YEAR NET" },

        new("A_name_goes_on_over_the_break_of_a_hard_wrapped_line",
            "Harwick Lodging Partners said it filed a registration statement with the Securities and Exchange\n" +
                "Commission covering a proposed offering of two mln units.", "US"),

        new("A_place_in_the_lead_company_name_says_where_it_is_registered (1/3)",
            "Halvorsen Foods Canada Inc said it would shut two of its bakeries in Ontario and cut 140 jobs.", "CA"),

        new("A_place_in_the_lead_company_name_says_where_it_is_registered (2/3)",
            "Brandt Chemical Corp of Japan said its pretax profit fell by a third on weaker sales in Osaka.", "JP"),

        // Taft is also a town in Iran, and a surname.
        new("A_place_in_the_lead_company_name_says_where_it_is_registered (3/3)",
            "Taft Paper Co said it would shut two of its mills in Ohio this spring and cut 140 jobs.", "US"),
    };

    [Theory, MemberData(nameof(Countries)), MemberData(nameof(CountriesByEvidence))]
    public void The_countries_of_the_story(FactsCase c)
    {
        Assert.Equal(c.Expected, Extract(c.Body, c.Title).Countries);
    }

    /// <summary>Which real place a name means (issue 14, places): each row's places as "Name CC", in order of first mention.</summary>
    public static TheoryData<FactsCase> WhichPlace => new()
    {
        // GeoNames names it Zürich; its ASCII form is "Zuerich".
        new("A_city_is_found_by_its_name_without_accents",
            "Shares of the insurer fell 3% in Zurich on Monday.", "Zurich CH"),

        new("A_big_city_is_found_by_its_english_name (1/2)",
            "The band played in Cologne and then in Geneva before the tour ended.", "Cologne DE", "Geneva CH"),

        new("A_big_city_is_found_by_its_english_name (2/2)",
            "The ferry from Gothenburg arrived four hours late.", "Gothenburg SE"),

        // GeoNames names it Newcastle upon Tyne; Newcastle, New South Wales, has more people.
        new("A_town_is_found_by_the_short_form_of_its_name_and_a_british_story_takes_the_british_one",
            "MPs at Westminster debated the closure of the shipyard in Newcastle.", "Newcastle GB"),

        new("A_place_after_another_place's_possessive_lies_in_its_country",
            "The musical opened in London's West End on Tuesday night.", "London GB", "West End GB"),

        new("An_english_county_named_like_a_town_abroad_is_the_county",
            "Surrey's Lionhead Studios made the game.", "Surrey GB"),

        new("A_small_town_followed_by_a_surname_is_a_person",
            "The film stars Halle Berry as a cat burglar.") ,

        // Paris, Texas, has 25,000 people.
        new("A_capital_is_no_small_home_namesake_in_a_story_not_placed_inside_the_country",
            "US oil demand will rise this year, the Paris-based agency said. The US imports more oil than ever.",
            "United States US", "Paris FR"),

        // The story is placed in Japan: Paris, Texas, is no namesake of its home, only of a country it names.
        new("A_capital_is_no_small_namesake_of_a_country_named_in_a_story_placed_in_another",
            "Tokyo dealers said Japan will cut its rates. Officials of the United States met in Paris on Sunday.",
            "Tokyo JP", "Japan JP", "United States US", "Paris FR"),

        // London, Ontario, has 422,000 people.
        new("A_capital_keeps_its_country_in_a_british_story_placed_abroad",
            "MPs flew to Toronto and Ottawa on Monday; the musical opens in London next year.", "Toronto CA", "Ottawa CA", "London GB"),

        new("A_country's_name_followed_by_a_state_is_a_town_there",
            "The dulcimer festival in Palestine, Texas, drew 3,000 visitors on Saturday.", "Palestine US", "Texas US"),

        new("A_town_placed_by_its_state_is_that_town_wherever_the_story_names_it",
            "Palestine loves its music. The dulcimer festival in Palestine, Texas, drew 3,000 visitors.", "Palestine US", "Texas US"),
    };

    [Theory, MemberData(nameof(WhichPlace))]
    public void The_place_a_name_means(FactsCase c)
    {
        Assert.Equal(c.Expected, Extract(c.Body, c.Title).Places.Select(p => $"{p.Name} {p.Country}"));
    }

    /// <summary>The countries of the story by the article's own evidence (issue 14, places); checked by
    /// <see cref="The_countries_of_the_story"/>.</summary>
    public static TheoryData<FactsCase> CountriesByEvidence => new()
    {
        new("A_british_domestic_institution_gives_britain",
            "The NHS will hire 2,000 more nurses next year, the health secretary said.", "GB"),

        new("An_american_party_name_does_not_make_a_british_story_american",
            "Tory MPs said the Republicans had lost the argument, and Labour agreed.", "GB"),

        // Jordan, Minnesota, has 6,000 people: not in the table.
        new("A_country's_name_used_as_a_town's_in_local_news_is_an_american_town",
            "A Jordan woman was charged with arson on Friday, the sheriff said. Bail was set at $5,000.", "US"),

        new("A_city_naming_an_agreement_does_not_give_its_country",
            "Finance ministers met on Sunday to review the Paris accord on currencies."),

        new("A_city_where_an_agreement_was_reached_does_not_give_its_country",
            "Treasury Secretary James Baker said the agreement among industrial nations in Paris last month was only a start."),

        // Wire copy wraps its lines anywhere, also between the noun, "in" and the city.
        new("A_city_where_talks_were_held_gives_no_country_across_a_wrapped_line (1/2)",
            "The Soviet negotiator said a draft treaty would be ready for signing within\n" +
            "three months following the latest round of the arms talks\nin Geneva.", "RU"),

        new("A_city_where_talks_were_held_gives_no_country_across_a_wrapped_line (2/2)",
            "The Malaysian minister welcomed the basic accord reached over the weekend in\n" +
            "Geneva between producers and consumers on a new pact.", "MY"),

        new("A_city_naming_an_agreement_with_words_between_does_not_give_its_country",
            "Japan promised a plan to boost domestic demand under last month's Paris currency stability accord.", "JP"),

        new("A_city_with_a_preposition_before_the_talks_gives_its_country",
            "Shultz will fly to Moscow for talks with Shevardnadze next month.", "RU"),

        new("A_city_naming_an_agreement_in_an_all_caps_headline_does_not_give_its_country",
            "Japan will seek to strengthen the accord on currency stability at next week's meeting.", "JP") { Title = "JAPAN SEEKS TO STRENGTHEN PARIS CURRENCY ACCORD" },

        new("A_city_where_talks_are_held_after_at_does_not_give_its_country",
            "Reagan said American negotiators would present the draft treaty text at Geneva tomorrow.", "US"),

        new("A_city_where_a_meeting_will_be_held_by_its_verb_does_not_give_its_country",
            "Malaysian officials said producer and consumer countries meet for 12 days in Geneva from tomorrow.", "MY"),

        new("A_city_where_negotiators_meet_does_not_give_its_country",
            "South African negotiators in London worked out the new arrangement with the banks.", "ZA"),

        new("A_city_where_levels_were_agreed_does_not_give_its_country",
            "The Japanese minister said 170 yen was within levels agreed upon last month in Paris.", "JP"),

        new("A_city_where_a_pact_was_adopted_does_not_give_its_country",
            "The pact, which Malaysia backs, was adopted earlier this month in Geneva.", "MY"),

        new("A_city_where_nations_pledged_does_not_give_its_country",
            "The Japanese official said the pledge by major industrial nations in Paris last month still held.", "JP"),

        new("A_city_where_something_was_discussed_does_not_give_its_country",
            "The German minister noted that much of what had been discussed in Paris had not been published.", "DE"),

        new("A_city_naming_a_declaration_does_not_give_its_country",
            "The German minister said the Paris declaration did not state any levels.", "DE"),

        new("A_city_where_an_organisation_sits_does_not_give_its_country",
            "The Paris-based agency said world oil stocks rose in March."),

        // Genova is also Genoa, Italy (580,000 people).
        new("A_town's_name_that_opens_a_company's_name_is_that_company_wherever_it_stands (1/2)",
            "Genova Inc said its shareholders approved the merger. Under the agreement, Genova said each holder gets 5 dlrs a share.", "US"),

        new("A_town's_name_that_opens_a_company's_name_is_that_company_wherever_it_stands (2/2)",
            "Genova Inc said its shareholders approved the merger into Genova Products Inc.", "US") { Title = "GENOVA TO MERGE INTO GENOVA PRODUCTS" },

        new("A_town's_name_that_opens_a_company's_name_is_the_town_after_at",
            "Kinross Mines Ltd said 177 miners died in the fire at Kinross, and blamed a British supplier.", "ZA", "GB"),

        new("A_town's_name_inside_a_company's_name_is_still_the_town_in_the_headline",
            "A spokesman for state-owned Chemie Linz AG said its loss would rise as U.S. producers gained an edge.", "AT", "US") { Title = "CHEMIE LINZ EXPECTS SHARPLY HIGHER LOSS" },

        new("A_currency_pair_is_no_money_the_story_counts_in",
            "Baker declined to comment on the current yen/dollar rate, saying the fall of the dollar would help exports.", "US"),

        new("A_demonym_alone_in_american_local_news_names_a_heritage_not_a_country",
            "French students at the academy celebrated Mardi Gras on Friday. Tickets cost $5, the principal said.", "US"),

        new("A_first_level_division_gives_its_country",
            "Floods in Uttar Pradesh killed 40 people this week.", "IN"),
    };

    [Fact]
    public void A_country_in_the_headline_is_a_country_of_the_story()
    {
        var facts = Extract("The central bank left its key rate unchanged on Tuesday, citing steady prices.",
                            title: "CHILE HOLDS RATES STEADY");

        Assert.Equal(["CL"], facts.Countries);
        Assert.Empty(facts.Places); // offsets point into the body only
    }

    [Fact]
    public void A_big_city_takes_its_namesake_in_the_country_where_the_story_happens()
    {
        var facts = Extract("Crews in Athens repaired the water main on Tuesday. " +
                            "Residents of Clarke County and Oconee County were asked to boil water.");

        Assert.Equal("US", Assert.Single(facts.Places, p => p.Name == "Athens").Country);
        Assert.Equal(["US"], facts.Countries);
    }

    [Fact]
    public void A_town_named_like_a_country_is_the_town_in_a_local_american_story_only()
    {
        var local = Extract("Lebanon police said the sheriff's deputies closed Main Street after a water main broke. " +
                            "Boone County crews worked through the night.");
        var world = Extract("Lebanon said the border crossing with Syria would reopen on Monday.");

        Assert.Equal(["US"], local.Countries);
        Assert.Contains("LB", world.Countries);
    }

    [Fact]
    public void A_town_followed_by_its_state_lies_in_that_state()
    {
        var facts = Extract("The fair opened in Carthage, N.C., on Friday and drew visitors from Raleigh.");

        Assert.Equal("US", Assert.Single(facts.Places, p => p.Name == "Carthage").Country);
        Assert.Equal(["US"], facts.Countries);
    }

    [Fact]
    public void A_local_story_keeps_a_country_it_names_once_late()
    {
        const string body = "Deputies with the Ohio sheriff's office searched the riverbank on Tuesday after a kayak was " +
                            "found drifting near the old dam. Volunteers from the fire department joined them before noon, " +
                            "and the search ended at 4 p.m. when the owner was found safe at a friend's house nearby. " +
                            "The owner, a retired teacher, said he had left the kayak tied to a tree before walking home. " +
                            "He told deputies he had bought the boat during a holiday in Norway.";
        const string wire = "Sweden's central bank said money supply growth slowed in the fourth quarter as lending to " +
                            "companies fell and deposits shifted into longer term accounts. Analysts said the figures " +
                            "gave the bank room to cut interest rates next month if the currency stays firm. " +
                            "The bank also said it expected exports to grow this year, helped by demand from Norway.";

        Assert.Contains("NO", Extract(body).Countries);
        Assert.DoesNotContain("NO", Extract(wire).Countries);
    }

    [Fact]
    public void A_personal_title_before_a_place_name_makes_it_a_person()
    {
        var facts = Extract("Voters in Ohio cheered when President Obama spoke.");

        Assert.DoesNotContain(facts.Places, p => p.Name == "Obama");
        Assert.Equal(["US"], facts.Countries);
    }

    [Fact]
    public void An_organisation_named_after_a_place_places_a_story_that_names_no_other()
    {
        var facts = Extract("The Nevada Department of Education will release graduation figures for each school today.");

        Assert.Empty(facts.Places);
        Assert.Equal(["US"], facts.Countries);
    }

    [Fact]
    public void A_province_named_like_a_city_abroad_still_places_the_story()
    {
        // Ontario is also a city in California; London is also a city in Ontario.
        var facts = Extract("The premier of Ontario toured a car parts plant in London on Friday.");

        Assert.Equal("CA", Assert.Single(facts.Places, p => p.Name == "London").Country);
        Assert.Equal(["CA"], facts.Countries);
    }

    [Fact]
    public void A_stock_ticker_in_angle_brackets_is_not_a_place()
    {
        var facts = Extract("Shares of Harrow Industries <UK> fell in early trading after the chemicals group cut its forecast.");

        Assert.Empty(facts.Places);
        Assert.DoesNotContain("GB", facts.Countries);
    }

    [Fact]
    public void A_story_about_many_countries_keeps_those_named_in_passing()
    {
        const string rest = " met in Geneva on Monday to discuss farm subsidies and the fall of the dollar. The talks ran late into " +
                            "the evening, officials said, and a joint statement is expected on Tuesday after a working breakfast. " +
                            "Delegates said the mood had been cordial despite sharp differences over rice, dairy and grain support. " +
                            "Officials from Brazil attended as observers.";
        var many = Extract("Trade ministers from Japan, Germany, France, Italy and Canada" + rest);
        var few = Extract("Trade ministers from Japan and Canada" + rest);

        Assert.Contains("BR", many.Countries);
        Assert.DoesNotContain("BR", few.Countries);
    }

    [Fact]
    public void Where_a_bracketed_company_comes_from_is_not_a_country_of_the_story()
    {
        var facts = Extract("Dorrance Foods Inc said it agreed to buy the snack business of <Kellerman Snacks Ltd> of Ireland for 40 mln dlrs.");

        Assert.Equal(["US"], facts.Countries);
        Assert.Equal("IE", Assert.Single(facts.Places).Country); // still a place mention
    }

    [Fact]
    public void A_eurobond_issue_is_a_london_market_story()
    {
        var facts = Extract("Halvorsen Finance BV is issuing a 100 mln dlr eurobond due 1994 paying 8-1/4 pct and priced at par, " +
                            "lead manager Grant Securities said.");

        Assert.Contains("GB", facts.Countries);
    }

}
