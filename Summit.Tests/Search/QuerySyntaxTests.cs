using Summit.Engine.Search;

namespace Summit.Tests.Search;

public sealed class QuerySyntaxTests
{
    [Fact]
    public void Words_side_by_side_are_all_required()
    {
        var node = QuerySyntax.Parse("trade talks");

        var and = Assert.IsType<AndNode>(node);
        Assert.Equal([new WordNode("trade", QueryScope.Any), new WordNode("talks", QueryScope.Any)], and.Children);
    }

    [Fact]
    public void Or_binds_looser_than_and()
    {
        var node = QuerySyntax.Parse("a b OR c");

        var or = Assert.IsType<OrNode>(node);
        Assert.IsType<AndNode>(or.Children[0]);
        Assert.Equal(new WordNode("c", QueryScope.Any), or.Children[1]);
    }

    [Fact]
    public void Scopes_apply_to_words_phrases_and_groups()
    {
        Assert.Equal(new WordNode("putin", QueryScope.Speaker), QuerySyntax.Parse("speaker:putin"));
        Assert.Equal(new PhraseNode("xi jinping", QueryScope.Person), QuerySyntax.Parse("Person:\"xi jinping\""));
        var group = Assert.IsType<OrNode>(QuerySyntax.Parse("country:(japan OR RU)"));
        Assert.All(group.Children, c => Assert.Equal(QueryScope.Country, ((WordNode)c).Scope));
    }

    [Fact]
    public void Unknown_scopes_are_plain_text()
    {
        Assert.Equal(new WordNode("http://example.org", QueryScope.Any), QuerySyntax.Parse("http://example.org"));
    }

    [Fact]
    public void Exclusion_prefix_and_curly_quotes()
    {
        var and = Assert.IsType<AndNode>(QuerySyntax.Parse("negot* -russia \u201Cdear friend\u201D"));

        Assert.Equal(new WordNode("negot", QueryScope.Any, Prefix: true), and.Children[0]);
        Assert.Equal(new NotNode(new WordNode("russia", QueryScope.Any)), and.Children[1]);
        Assert.Equal(new PhraseNode("dear friend", QueryScope.Any), and.Children[2]);
    }

    [Fact]
    public void Hyphenated_words_are_not_exclusions()
    {
        Assert.Equal(new WordNode("closely-watched", QueryScope.Any), QuerySyntax.Parse("closely-watched"));
    }

    [Theory]
    [InlineData("(a", "never closed")]
    [InlineData("a)", "no matching '('")]
    [InlineData("a - b", "excludes nothing")]
    [InlineData("*", "at least two letters")]
    [InlineData("ne*go", "only allowed at the end")]
    [InlineData("a OR", "needs a word after it")]
    [InlineData("OR a", "OR needs a word before it")]
    [InlineData("()", "empty")]
    [InlineData("title:", "needs a value")]
    [InlineData("title:(speaker:x)", "inside another field scope")]
    [InlineData("\"", "no words")]
    public void Malformed_queries_say_what_to_fix(string query, string message)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(query));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Deep_nesting_and_huge_queries_are_rejected()
    {
        Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(new string('(', 40) + "a" + new string(')', 40)));
        Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(new string('a', 10_000)));
        Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(string.Join(' ', Enumerable.Repeat("w", 100))));
    }

    [Fact]
    public void Format_writes_a_query_that_parses_back_the_same()
    {
        var node = QuerySyntax.Parse("(putin OR xi) -\"trade war\" speaker:biden negot*")!;

        Assert.Equal(node, QuerySyntax.Parse(QuerySyntax.Format(node)), new NodeComparer());
    }

    private sealed class NodeComparer : IEqualityComparer<QueryNode?>
    {
        public bool Equals(QueryNode? x, QueryNode? y) => x is not null && y is not null && QuerySyntax.Format(x) == QuerySyntax.Format(y);
        public int GetHashCode(QueryNode? obj) => 0;
    }

    [Fact]
    public void Blank_query_is_browse()
    {
        Assert.Null(QuerySyntax.Parse("   "));
    }
}
