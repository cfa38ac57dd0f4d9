using System.Text.Json;
using Summit.Engine.Entities;
using Summit.Engine.Extraction;
using Summit.Indexer;

namespace Summit.Tests.Entities;

/// <summary>
/// The evidence rule for a bare surname the registry leaves ambiguous: an archive given as articles ("1988 George H.
/// W. Bush|Dan Quayle", the year optional), an article given the same way, and the entity its form resolves to ("-"
/// for unresolved).
/// </summary>
public sealed class SurnameEvidenceTests
{
    public sealed record EvidenceCase(string Rule, string Article, string Form, string Expected)
    {
        public override string ToString() => $"{Rule}: {Article}";
    }

    /// <summary>Two Bushes of close frequency, each with his own vice president, years and an aide named once; Colin
    /// Powell beside both; two bare "Bush" articles make the form ambiguous.</summary>
    private const string Bushes =
        "1988 George H. W. Bush|Dan Quayle; 1989 George H. W. Bush|Dan Quayle; 1990 George H. W. Bush|Colin Powell; 1991 George H. W. Bush|Colin Powell; " +
        "2001 George W. Bush|Dick Cheney; 2004 George W. Bush|Dick Cheney; 2002 George W. Bush|Colin Powell; 2003 George W. Bush|Colin Powell; 2008 George W. Bush|Karl Rove; " +
        "1989 Bush; 2003 Bush";

    private static List<(string[] Forms, DateTimeOffset? Date)> Articles(string text) =>
        [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Article)];

    private static (string[] Forms, DateTimeOffset? Date) Article(string text)
    {
        var year = text.Length > 5 && text[4] == ' ' && int.TryParse(text[..4], out var y) ? y : (int?)null;
        var forms = (year is null ? text : text[5..]).Split('|', StringSplitOptions.TrimEntries);
        return (forms, year is { } at ? new DateTimeOffset(at, 6, 1, 0, 0, 0, TimeSpan.Zero) : null);
    }

    private static ArticleFacts Facts(string[] forms) => new([], [.. forms.Select(f => new PersonMention(f, []))], [], []);

    public static TheoryData<EvidenceCase> Cases => new()
    {
        new("co-named person and year agree", "1988 Bush|Dan Quayle", "Bush", "George H. W. Bush"),
        new("co-named person and year agree", "2004 Bush|Dick Cheney", "Bush", "George W. Bush"),
        new("co-named person alone", "Bush|Dan Quayle", "Bush", "George H. W. Bush"),
        new("year alone", "1990 Bush", "Bush", "George H. W. Bush"),
        new("year alone", "2005 Bush", "Bush", "George W. Bush"),
        new("named in full in the article", "1988 Bush|George W. Bush", "Bush", "George W. Bush"),
        new("no evidence", "Bush", "Bush", "-"),
        new("no evidence: a year in neither span", "1996 Bush", "Bush", "-"),
        new("no evidence: a person beside both", "Bush|Colin Powell", "Bush", "-"),
        new("no evidence: a person named with one once", "Bush|Karl Rove", "Bush", "-"),
        new("tie: persons point at both", "Bush|Dan Quayle|Dick Cheney", "Bush", "-"),
        new("tie: person and year disagree", "2004 Bush|Dan Quayle", "Bush", "-"),
        new("tie: both named in full", "Bush|George W. Bush|George H. W. Bush", "Bush", "-"),
        new("a form that is not ambiguous is the registry's", "1988 Dan Quayle|Bush", "Dan Quayle", "-"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_ambiguous_surname_resolves_only_on_clear_evidence(EvidenceCase c)
    {
        var archive = Articles(Bushes);
        var registry = EntityLinking.RegistryOf([.. archive.Select(a => Facts(a.Forms))]);
        var evidence = EntityLinking.EvidenceOf(registry, archive.Select(a => (Facts(a.Forms), a.Date)));
        var (forms, date) = Article(c.Article);

        var resolved = evidence.ResolveArticle(forms, SurnameEvidence.YearOf(date));

        Assert.Equal(c.Expected, resolved.GetValueOrDefault(c.Form)?.Name ?? "-");
    }

    [Fact]
    public void The_registry_leaves_the_surname_to_the_evidence()
    {
        var archive = Articles(Bushes);
        var registry = EntityLinking.RegistryOf([.. archive.Select(a => Facts(a.Forms))]);

        Assert.Null(registry.ResolvePerson("Bush"));
        Assert.Equal(["George H. W. Bush", "George W. Bush"], registry.CandidatesOf("Bush").Select(e => e.Name));
    }

    [Fact]
    public void Linking_an_article_for_extract_gives_its_surname_the_resolved_person()
    {
        var archive = Articles(Bushes);
        var registry = EntityLinking.RegistryOf([.. archive.Select(a => Facts(a.Forms))]);
        var evidence = EntityLinking.EvidenceOf(registry, archive.Select(a => (Facts(a.Forms), a.Date)));
        var facts = new ArticleFacts([new Quote(0, 5, "Hello", "Bush")],
            [new PersonMention("Bush", [new Span(10, 14)]), new PersonMention("Dick Cheney", [new Span(20, 31)])], [], []);

        var linked = EntityLinking.Link(facts, registry, evidence.ResolveArticle(EntityLinking.FormsOf(facts), 2004));

        Assert.Equal(["George W. Bush", "Dick Cheney"], linked.Persons.Select(p => p.Name));
        Assert.Equal("George W. Bush", linked.Quotes[0].Speaker);
        Assert.DoesNotContain(EntityLinking.Link(facts, registry).Persons, p => p.Name.Contains("Bush", StringComparison.Ordinal));
    }

    [Fact]
    public void The_extract_command_resolves_a_surname_on_its_article_s_co_named_person_and_date()
    {
        var dir = Path.Combine(Path.GetTempPath(), "summit-evidence-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string Line(string id, string date, string body) => JsonSerializer.Serialize(new { id, title = "Talks", date, body });
            File.WriteAllLines(Path.Combine(dir, "in.jsonl"),
            [
                Line("hw-1", "1988-05-02T10:00:00Z", "Vice President George H. W. Bush met Senator Dan Quayle in Washington on Monday."),
                Line("hw-2", "1989-05-02T10:00:00Z", "President George H. W. Bush met Vice President Dan Quayle in Washington on Monday."),
                Line("w-1", "2001-05-02T10:00:00Z", "President George W. Bush met Vice President Dick Cheney in Washington on Monday."),
                Line("w-2", "2004-05-02T10:00:00Z", "President George W. Bush met Vice President Dick Cheney in Washington on Tuesday."),
                Line("bush-1988", "1988-06-02T10:00:00Z", "Senator Dan Quayle met Vice President Bush in Washington on Monday. \"We agreed,\" Bush said."),
                Line("bush-1996", "1996-06-02T10:00:00Z", "President Bush arrived in Washington on Monday. \"It is good to be here,\" Bush said."),
            ]);
            var output = Path.Combine(dir, "out.jsonl");

            Assert.Equal(ExitCodes.Success, Commands.Extract(Path.Combine(dir, "in.jsonl"), output));

            var persons = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(
                r => r.GetProperty("id").GetString()!, r => r.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList());
            Assert.Contains("George H. W. Bush", persons["bush-1988"]);
            Assert.DoesNotContain(persons["bush-1996"], p => p!.Contains("Bush", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
