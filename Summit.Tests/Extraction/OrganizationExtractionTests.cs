using Summit.Engine.Articles;
using Summit.Engine.Extraction;

namespace Summit.Tests.Extraction;

public sealed class OrganizationExtractionTests
{
    private static IReadOnlyList<string> Organizations(string body) =>
        Extractor.ExtractCore(new Article("t", "Test", body, null, null)).Organizations.Select(o => o.Name).ToList();

    public static TheoryData<FactsCase> Cases => new()
    {
        new("known short names fold to one name", "The Lib Dems and the Liberal Democrats are one party, said a Tory.", "Liberal Democrats"),
        new("known short names fold to one name", "The Tories gained seats; the Conservatives were pleased.", "Conservatives"),
        new("acronyms on the list", "NATO and the UN met the IMF in Brussels.", "NATO", "United Nations", "International Monetary Fund"),
        new("a name ending in an organisation word", "Surrey's Lionhead Studios released a game.", "Lionhead Studios"),
        new("a name with small words inside", "The Securities and Exchange Commission fined the firm.", "Securities and Exchange Commission"),
        new("sentence words before the name go", "But the Home Office said it would appeal.", "Home Office"),
        new("a firm the person finder knows", "Shares of Gillette Canada Inc rose on Monday.", "Gillette Canada Inc"),
        new("a sentence's first word alone is no organisation", "Police said the road was closed.", []),
        new("persons are no organisations", "Tony Blair met Gordon Brown.", []),
        new("a band or a team named by a plural", "New York band Scissor Sisters played the Sydney Tigers' ground.", "Scissor Sisters", "Sydney Tigers"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Organisations_are_found_under_one_name(FactsCase c) => Assert.Equal(c.Expected, Organizations(c.Body));
}
