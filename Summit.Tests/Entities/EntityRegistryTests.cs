using Summit.Engine.Entities;
using Summit.Engine.Extraction;

namespace Summit.Tests.Entities;

/// <summary>
/// The entity rules, one table per rule: an archive given as person forms with the number of articles naming each
/// ("Ronald Reagan:6"), and what a form resolves to ("Reagan" → "Ronald Reagan"; "-" for no entity).
/// </summary>
public sealed class EntityRegistryTests
{
    public sealed record LinkCase(string Rule, string Archive, string Form, string Expected)
    {
        public override string ToString() => $"{Rule}: {Form}";
    }

    private static EntityRegistry Registry(string archive) => EntityRegistry.Build(archive.Split(';', StringSplitOptions.TrimEntries)
        .Select(f => f.Split(':')).Select(p => KeyValuePair.Create(p[0], int.Parse(p[1]))), []);

    public static TheoryData<LinkCase> Cases => new()
    {
        // Surnames and titled mentions go to the full name the archive knows.
        new("surname", "Ronald Reagan:6; Reagan:73; Nancy Reagan:1", "Reagan", "Ronald Reagan"),
        new("surname", "Nigel Lawson:15; Lawson:9", "Lawson", "Nigel Lawson"),
        new("surname, no full name yet", "Reagan:73", "Reagan", "Reagan"),
        new("title", "Ronald Reagan:6; President Reagan:20", "President Reagan", "Ronald Reagan"),
        new("title", "Tony Blair:10; Mr Blair:30", "Mr Blair", "Tony Blair"),
        new("title", "Liam Fox:3; Dr Fox:4", "Dr Fox", "Liam Fox"),
        new("role before a name", "Alain Juppe:2; Budget Minister Alain Juppe:1", "Budget Minister Alain Juppe", "Alain Juppe"),
        new("role before a name", "Gerhard Stoltenberg:4; West German Finance Minister Gerhard Stoltenberg:1", "West German Finance Minister Gerhard Stoltenberg", "Gerhard Stoltenberg"),
        new("misspelt title", "Clayton Yeutter:24; Represenative Clayton Yeutter:2", "Represenative Clayton Yeutter", "Clayton Yeutter"),
        new("noise word before a surname", "Ronald Reagan:6; Athough Reagan:1", "Athough Reagan", "Ronald Reagan"),
        new("a sentence's first word before a name", "Vladimir Putin:25; Putin:25; If Putin:1", "If Putin", "Vladimir Putin"),
        new("a monarch keeps the title", "King Fahd:3", "King Fahd", "King Fahd"),
        new("a monarch keeps the title", "King Fahd:3; Fahd:5", "Fahd", "King Fahd"),
        // Initials, middle names, suffixes and nicknames fold; the most frequent full form is the name.
        new("initials and suffix", "Joseph R. Biden:210; Joe Biden:54; Joseph R. Biden Jr:15; Biden:255", "Joseph R. Biden Jr", "Joseph R. Biden"),
        new("nickname", "Joseph R. Biden:210; Joe Biden:54", "Joe Biden", "Joseph R. Biden"),
        new("nickname", "Benjamin Netanyahu:17; Bibi Netanyahu:4; Netanyahu:22", "Bibi Netanyahu", "Benjamin Netanyahu"),
        new("middle initial", "Ivan Boesky:4; Ivan F. Boesky:1", "Ivan F. Boesky", "Ivan Boesky"),
        new("most frequent full form", "Joe Biden:54; Joseph R. Biden:210", "Joe Biden", "Joseph R. Biden"),
        // Transliteration, accents and hyphenation fold.
        new("transliteration", "Volodymyr Zelenskyy:27; Volodymyr Zelensky:5; Zelenskyy:37", "Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        new("transliteration", "Richard von Weizsaecker:3; Richard von Weizsäcker:1", "Richard von Weizsäcker", "Richard von Weizsaecker"),
        new("hyphenation", "Robert Kilroy-Silk:5; Robert Kilroy Silk:2", "Robert Kilroy Silk", "Robert Kilroy-Silk"),
        new("particle joined by a hyphen", "Abdel Fattah Al-Sisi:7; Abdel Fattah El-Sisi:5; Sisi:5", "Sisi", "Abdel Fattah Al-Sisi"),
        new("family name of two words", "Andrés Manuel López Obrador:11; López Obrador:9", "López Obrador", "Andrés Manuel López Obrador"),
        // Family name first.
        new("family name first", "Xi Jinping:15; Xi:12", "Xi", "Xi Jinping"),
        new("family name first", "Kishida Fumio:11; Fumio Kishida:3; Kishida:25", "Fumio Kishida", "Kishida Fumio"),
        new("family name first", "Kishida Fumio:11; Fumio Kishida:3; Kishida:25", "Kishida", "Kishida Fumio"),
        new("family name first, three words", "Kim Jong Un:3; Kim:5", "Kim", "Kim Jong Un"),
        // Ambiguity: two full names stay two; a bare surname goes to one only when it dominates.
        new("ambiguous surname", "Howard Baker:10; James Baker:12; Baker:30", "Baker", "-"),
        new("ambiguous surname", "Howard Baker:10; James Baker:12; Baker:30", "Howard Baker", "Howard Baker"),
        new("dominant surname", "Howard Baker:2; James Baker:79; Baker:30", "Baker", "James Baker"),
        new("two middles stay two", "George Bush:5; George W. Bush:20; George H. W. Bush:18", "George W. Bush", "George W. Bush"),
        new("two middles stay two", "George Bush:5; George W. Bush:20; George H. W. Bush:18", "George H. W. Bush", "George H. W. Bush"),
        new("two middles, plain form undecided", "George Bush:5; George W. Bush:20; George H. W. Bush:18", "George Bush", "George Bush"),
        new("given names differ", "Gerhard Stoltenberg:4; Jens Stoltenberg:13", "Gerhard Stoltenberg", "Gerhard Stoltenberg"),
        // Not persons.
        new("pronoun fragment", "I can’t:4", "I can’t", "-"),
        new("title alone", "Mr. President:2; Madam Vice President:2", "Mr. President", "-"),
        new("common word", "Order:6; Development:5", "Order", "-"),
        new("organisation word at the end", "Americas Partnership:20", "Americas Partnership", "-"),
        new("known organisation", "Al Jazeera:4", "Al Jazeera", "-"),
        new("acronym", "UN Commission:2", "UN Commission", "-"),
        new("lower-case words", "Mainstream media needs:1", "Mainstream media needs", "-"),
        new("ticket of two persons", "Joseph R. Biden:210; Kamala Harris:86; Biden-Harris:9", "Biden-Harris", "-"),
        new("bare given name", "Kamala Harris:86; Kamala:3", "Kamala", "Kamala Harris"),
        new("bare given name, many persons", "John Smith:3; John Major:4; John:2", "John", "-"),
        new("country", "Russia:3", "Russia", "-"),
        new("mononym", "Subroto:7", "Subroto", "Subroto"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_form_resolves_to_its_entity(LinkCase c)
    {
        var entity = Registry(c.Archive).Resolve(c.Form);
        Assert.Equal(c.Expected, entity?.Name ?? "-");
    }

    [Fact]
    public void An_entity_is_found_by_any_alias_in_any_case()
    {
        var registry = Registry("Benjamin Netanyahu:17; Bibi Netanyahu:4; Netanyahu:22; Ronald Reagan:6; Reagan:73");
        Assert.Equal("Benjamin Netanyahu", registry.Find("bibi netanyahu")?.Name);
        Assert.Equal("Ronald Reagan", registry.Find("REAGAN")?.Name);
        Assert.Equal(["Bibi Netanyahu", "Netanyahu"], registry.Find("Benjamin Netanyahu")!.Aliases);
    }

    [Fact]
    public void The_same_forms_in_any_order_give_the_same_entities()
    {
        var forms = "Joseph R. Biden:210; Joe Biden:54; Biden:255; Jill Biden:18; Kishida Fumio:11; Fumio Kishida:3; Kishida:25; Howard Baker:10; James Baker:12; Baker:30"
            .Split(';', StringSplitOptions.TrimEntries).Select(f => f.Split(':')).Select(p => KeyValuePair.Create(p[0], int.Parse(p[1]))).ToList();
        var forward = EntityRegistry.Build(forms, []);
        var backward = EntityRegistry.Build(Enumerable.Reverse(forms), []);
        Assert.Equal(forward.Entities.Select(e => (e.Name, string.Join('|', e.Aliases))), backward.Entities.Select(e => (e.Name, string.Join('|', e.Aliases))));
    }

    public static TheoryData<string, string, bool> ComponentCases => new()
    {
        { "Xi Jinping:15; Xi:12", "Xi", true },
        { "Kishida Fumio:11; Fumio Kishida:3", "Fumio Kishida", true },
        { "Kamala Harris:86; Kamala:3", "Kamala", true },
        { "Robert Kilroy Silk:2; Jane Kilroy-Silk:1", "Jane Kilroy-Silk", true },
        { "Joseph R. Biden:210; Kamala Harris:86; Biden-Harris:9", "Kamala Harris", true },
        // Two full names that share only a given name are linked apart, unless the given name is met alone.
        { "George Bush:5; George Washington:3", "George Washington", false },
        { "George Bush:5; George Washington:3; George:2", "George Washington", true },
        // Not when some two-word name has it as family: "George" then goes by that family's names.
        { "George Bush:5; George Washington:3; George:2; Boy George:4", "George Washington", false },
        { "George Bush:5; George Washington:3; George:2; Boy George:4; George Boy:1", "George Washington", true },
        { "Ronald Reagan:6; Nigel Lawson:15", "Nigel Lawson", false },
    };

    [Theory]
    [MemberData(nameof(ComponentCases))]
    public void Forms_are_linked_together_exactly_when_a_rule_compares_them(string archive, string form, bool withFirst)
    {
        var forms = archive.Split(';', StringSplitOptions.TrimEntries).Select(f => f.Split(':'))
            .Select(p => (p[0], int.Parse(p[1]), PersonName.Parse(p[0])!)).ToList();
        var components = NameComponents.Split(forms);
        var first = components.Single(c => c.Any(f => f.Form == forms[0].Item1));
        Assert.Equal(withFirst, first.Any(f => f.Form == form));
    }

    [Fact]
    public void A_registry_rebuilt_from_linked_components_equals_one_built_from_scratch()
    {
        var before = "Joseph R. Biden:210; Joe Biden:54; Biden:255; Kamala Harris:86; Kamala:3; Biden-Harris:9; Xi Jinping:15; Xi:12; "
                     + "Howard Baker:10; James Baker:12; Baker:30; Ronald Reagan:1; Reagan:73; Kishida Fumio:11; Fumio Kishida:3";
        // The next commit: more articles for James Baker (Baker now goes to him), a first full Reagan, a new name.
        var after = before.Replace("James Baker:12", "James Baker:95").Replace("Ronald Reagan:1", "Ronald Reagan:6") + "; Nigel Lawson:2";
        string Entities(EntityRegistry r) => string.Join("\n", r.Entities.Select(e => $"{e.Name}|{e.Articles}|{string.Join(',', e.Aliases)}|{string.Join(',', r.FormsOf(e))}"));
        Registry(before);
        var incremental = Registry(after);
        LinkedComponents.Clear();
        var scratch = Registry(after);

        Assert.Equal(Entities(scratch), Entities(incremental));
        Assert.Equal("James Baker", incremental.Resolve("Baker")?.Name);
        Assert.Equal("Ronald Reagan", incremental.Resolve("Reagan")?.Name);
    }

    [Fact]
    public void Linking_an_article_merges_forms_of_one_entity_and_drops_non_entities()
    {
        var registry = Registry("Joseph R. Biden:210; Joe Biden:54; Biden:255; Order:6");
        var facts = new ArticleFacts([new Quote(0, 5, "Hello", "Biden")],
            [new PersonMention("Biden", [new Span(10, 15)]), new PersonMention("Joe Biden", [new Span(0, 9)]), new PersonMention("Order", [new Span(20, 25)])],
            [], []);

        var linked = EntityLinking.Link(facts, registry);

        var person = Assert.Single(linked.Persons);
        Assert.Equal("Joseph R. Biden", person.Name);
        Assert.Equal([new Span(0, 9), new Span(10, 15)], person.Mentions);
        Assert.Equal("Joseph R. Biden", linked.Quotes[0].Speaker);
    }

    private static readonly string[] UpdateForms =
    [
        "Joseph R. Biden", "Joe Biden", "Biden", "Jill Biden", "President Biden", "Kamala Harris", "Kamala", "Harris", "Biden-Harris",
        "Xi Jinping", "Xi", "Kishida Fumio", "Fumio Kishida", "Kishida", "Howard Baker", "James Baker", "Baker", "Ronald Reagan", "Reagan",
        "President Reagan", "Nancy Reagan", "George Bush", "George W. Bush", "George H. W. Bush", "Bush", "George Washington", "George",
        "Robert Kilroy Silk", "Robert Kilroy-Silk", "Kilroy-Silk", "López Obrador", "Andrés Manuel López Obrador", "Nigel Lawson", "Lawson",
        "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelensky", "Bibi Netanyahu", "Benjamin Netanyahu", "Netanyahu", "King Fahd", "Fahd",
        "Subroto", "Order", "Tony Blair", "Mr Blair", "Blair", "Boy George", "George Boy", "Howard", "Ron Howard", "Howard Ron",
    ];

    private static readonly string[] UpdateOrganizations = ["BBC", "Liberal Democrats", "Conservatives", "Reuters", "Labour"];

    [Fact]
    public void A_registry_updated_by_count_changes_equals_one_built_from_the_new_counts_and_names_every_form_it_changed()
    {
        var random = new Random(20261207);
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var organizations = new Dictionary<string, int>(StringComparer.Ordinal);
        var registry = EntityRegistry.Empty;
        for (var step = 0; step < 60; step++)
        {
            // Some forms come, go, or change counts (by up to the whole count, so that dominance flips and forms vanish).
            var formChanges = Changes(random, UpdateForms, forms);
            var organizationChanges = Changes(random, UpdateOrganizations, organizations);
            var previous = registry;
            registry = EntityRegistry.Update(previous, formChanges, organizationChanges);
            LinkedComponents.Clear();
            var scratch = EntityRegistry.Build(forms, organizations);

            Assert.Equal(Describe(scratch), Describe(registry));
            var changed = registry.ChangedForms(previous);
            foreach (var form in UpdateForms.Concat(UpdateOrganizations).Concat(["Lib Dems", "Tories"]))
                if (Links(previous, form) != Links(registry, form)) Assert.Contains(form, changed);
        }
    }

    [Fact]
    public void A_name_whose_twin_arrives_rejoins_the_full_names_its_given_name_begins_as_a_build_does()
    {
        // "Boy George" gives "George" a family of its own, so "George Washington" and "George Bush" are linked apart from
        // it; "George Boy", more frequent, takes "Boy George" in (the same two words the other way round), and "George"
        // alone is then again a given name among the Georges.
        var before = new Dictionary<string, int> { ["George Bush"] = 5, ["George Washington"] = 3, ["George"] = 2, ["Boy George"] = 1 };
        var registry = EntityRegistry.Update(EntityRegistry.Build(before, []), new Dictionary<string, int> { ["George Boy"] = 4 }, []);
        LinkedComponents.Clear();
        var scratch = EntityRegistry.Build(before.Append(KeyValuePair.Create("George Boy", 4)), []);

        Assert.Equal(Describe(scratch), Describe(registry));
        Assert.Equal(Links(scratch, "George"), Links(registry, "George"));
    }

    private static Dictionary<string, int> Changes(Random random, string[] names, Dictionary<string, int> counts)
    {
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names.Where(_ => random.Next(4) == 0))
        {
            var count = counts.GetValueOrDefault(name);
            var change = random.Next(3) == 0 ? -count : random.Next(-Math.Min(count, 20), 40);
            if (change == 0) continue;
            changes[name] = change;
            if (count + change > 0) counts[name] = count + change;
            else counts.Remove(name);
        }
        return changes;
    }

    /// <summary>What a registry answers for a form.</summary>
    private static string Links(EntityRegistry registry, string form) =>
        $"{registry.ResolvePerson(form)?.Name}|{registry.Resolve(form)?.Name}|{string.Join(',', registry.CandidatesOf(form).Select(e => e.Name))}";

    /// <summary>Everything a registry answers over the forms the test uses.</summary>
    private static string Describe(EntityRegistry registry) => string.Join("\n",
        registry.Entities.Select(e => $"{e.Name}|{e.Type}|{e.Articles}|{string.Join(',', e.Aliases)}|{string.Join(',', registry.FormsOf(e))}")
            .Concat(UpdateForms.Concat(UpdateOrganizations).SelectMany(f => new[] { f, f.ToLowerInvariant() })
                .Select(f => $"{f} -> {Links(registry, f)}|{registry.Find(f)?.Name}|{registry.PersonNamed(f)?.Name}"))
            .Append(string.Join(',', registry.AmbiguousForms.Order(StringComparer.Ordinal))));
}
