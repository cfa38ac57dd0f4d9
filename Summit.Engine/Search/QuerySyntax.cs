namespace Summit.Engine.Search;

/// <summary>A query the user must fix; the message says what to change.</summary>
public sealed class QuerySyntaxException(string message) : Exception(message);

/// <summary>Fields a query may be scoped to with <c>field:</c>.</summary>
public enum QueryScope { Any, Title, Quote, Speaker, Person, Country }

public abstract record QueryNode;
/// <summary>A word; <paramref name="Prefix"/> when it ended in <c>*</c>.</summary>
public sealed record WordNode(string Text, QueryScope Scope, bool Prefix = false) : QueryNode;
public sealed record PhraseNode(string Text, QueryScope Scope) : QueryNode;
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;
public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>
/// The query language (documented in docs/api.md):
/// <code>
/// query   := or
/// or      := and ( "OR" and )*
/// and     := unary ( "AND"? unary )*          words side by side must all match
/// unary   := ( "-" | "NOT" ) primary | "+"? primary
/// primary := "(" or ")" | scope ":" value | phrase | word
/// scope   := title | quote | speaker | person | country      (case-insensitive)
/// value   := "(" or ")" | phrase | word
/// phrase  := '"' text '"'                        an unclosed quote runs to the end of the query
/// word    := letters, optionally ending in "*" (prefix, at least two characters before it; at most 8 per query)
/// </code>
/// OR, AND and NOT are operators only in capitals. A word with an unknown <c>name:</c> is searched as text.
/// </summary>
public static class QuerySyntax
{
    public const int MaxLength = 1000;
    public const int MaxTerms = 64;
    /// <summary>Words ending in <c>*</c> per query: each expands to every indexed word it starts, and walks their
    /// postings, so a query of many short prefixes costs many searches.</summary>
    public const int MaxPrefixWords = 8;
    private const int MaxDepth = 16;

    /// <summary>Parses a query; null for a blank one. Throws <see cref="QuerySyntaxException"/> with a fix-it message.</summary>
    public static QueryNode? Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        if (query.Length > MaxLength)
            throw new QuerySyntaxException($"The query is {query.Length} characters long; shorten it to at most {MaxLength}.");
        var tokens = Tokenize(query);
        if (tokens.Count == 0)
            throw new QuerySyntaxException("The query has no words to search for; put words between the quotation marks, like \"trade talks\".");
        if (tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Phrase) > MaxTerms)
            throw new QuerySyntaxException($"The query has too many words; use at most {MaxTerms}.");
        if (tokens.Count(t => t.Prefix) is var prefixes and > MaxPrefixWords)
            throw new QuerySyntaxException($"The query has {prefixes} words ending in *; use at most {MaxPrefixWords}, or whole words for the others.");
        var parser = new Parser(tokens);
        var node = parser.ParseTop();
        return node;
    }

    /// <summary>Visits the words and phrases that make a document match (not the excluded ones).</summary>
    public static IEnumerable<QueryNode> PositiveLeaves(QueryNode? node) => node switch
    {
        null => [],
        WordNode or PhraseNode => [node],
        AndNode a => a.Children.SelectMany(PositiveLeaves),
        OrNode o => o.Children.SelectMany(PositiveLeaves),
        _ => [],
    };

    /// <summary>Writes a node back as query text (used for "did you mean").</summary>
    public static string Format(QueryNode node) => node switch
    {
        WordNode w => ScopePrefix(w.Scope) + w.Text + (w.Prefix ? "*" : ""),
        PhraseNode p => ScopePrefix(p.Scope) + "\"" + p.Text + "\"",
        NotNode n => "-" + Format(n.Child),
        AndNode a => string.Join(' ', a.Children.Select(c => c is OrNode ? "(" + Format(c) + ")" : Format(c))),
        OrNode o => string.Join(" OR ", o.Children.Select(c => c is AndNode ? "(" + Format(c) + ")" : Format(c))),
        _ => "",
    };

    private static string ScopePrefix(QueryScope scope) =>
        scope == QueryScope.Any ? "" : scope.ToString().ToLowerInvariant() + ":";

    private enum TokenKind { Word, Phrase, LParen, RParen, Or, And, Not, Scope }

    private readonly record struct Token(TokenKind Kind, string Text, int Position, bool Prefix = false, QueryScope Scope = QueryScope.Any);

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new(TokenKind.LParen, "(", i)); i++; continue; }
            if (c == ')') { tokens.Add(new(TokenKind.RParen, ")", i)); i++; continue; }
            if (IsQuote(c))
            {
                var end = i + 1;
                while (end < text.Length && !IsQuote(text[end])) end++;
                var phrase = text[(i + 1)..end].Trim();
                // An unclosed quote runs to the end: people often forget the closing mark.
                if (phrase.Length > 0) tokens.Add(new(TokenKind.Phrase, phrase, i));
                i = Math.Min(end + 1, text.Length);
                continue;
            }
            if (c == '-' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == ')'))
                throw new QuerySyntaxException($"The '{c}' at position {i + 1} excludes nothing; put the word to leave out right after it, like -sanctions.");
            if (c == '-') { tokens.Add(new(TokenKind.Not, "-", i)); i++; continue; }
            if (c == '+') { i++; continue; }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')') && !IsQuote(text[i])) i++;
            var word = text[start..i];
            var colon = word.IndexOf(':');
            if (colon > 0 && TryScope(word[..colon], out var scope))
            {
                tokens.Add(new(TokenKind.Scope, word[..colon], start, Scope: scope));
                var rest = word[(colon + 1)..];
                if (rest.Length == 0)
                {
                    if (i >= text.Length || char.IsWhiteSpace(text[i]) || text[i] == ')')
                        throw new QuerySyntaxException($"'{word}' needs a value right after the colon, like {word}{Example(scope)}.");
                    continue; // a phrase or group follows directly
                }
                tokens.Add(WordToken(rest, start + colon + 1));
                continue;
            }
            switch (word)
            {
                case "OR" or "||": tokens.Add(new(TokenKind.Or, word, start)); break;
                case "AND" or "&&": tokens.Add(new(TokenKind.And, word, start)); break;
                case "NOT": tokens.Add(new(TokenKind.Not, word, start)); break;
                default: tokens.Add(WordToken(word, start)); break;
            }
        }
        return tokens;
    }

    private static string Example(QueryScope scope) => scope switch
    {
        QueryScope.Speaker or QueryScope.Person => "putin",
        QueryScope.Country => "japan",
        QueryScope.Title => "summit",
        _ => "\"dear friend\"",
    };

    private static Token WordToken(string word, int position)
    {
        var star = word.IndexOf('*');
        if (star < 0) return new(TokenKind.Word, word, position);
        var stem = word.TrimEnd('*');
        if (stem.Contains('*') || stem.Contains('?'))
            throw new QuerySyntaxException($"'{word}' has a * inside it; a * is only allowed at the end of a word, like negot*.");
        if (stem.Count(char.IsLetterOrDigit) < 2)
            throw new QuerySyntaxException($"'{word}' is too short for a prefix search; put at least two letters before the *, like negot*.");
        return new(TokenKind.Word, stem, position, Prefix: true);
    }

    private static bool TryScope(string name, out QueryScope scope)
    {
        scope = name.ToLowerInvariant() switch
        {
            "title" => QueryScope.Title,
            "quote" => QueryScope.Quote,
            "speaker" => QueryScope.Speaker,
            "person" => QueryScope.Person,
            "country" => QueryScope.Country,
            _ => QueryScope.Any,
        };
        return scope != QueryScope.Any;
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _index;
        private int _depth;

        private Token? Peek => _index < tokens.Count ? tokens[_index] : null;

        public QueryNode? ParseTop()
        {
            if (tokens.Count == 0) return null;
            var node = ParseOr(QueryScope.Any);
            if (Peek is { Kind: TokenKind.RParen } stray)
                throw new QuerySyntaxException($"The ')' at position {stray.Position + 1} has no matching '('; remove it or add a '(' before it.");
            return node;
        }

        private QueryNode ParseOr(QueryScope scope)
        {
            var children = new List<QueryNode> { ParseAnd(scope) };
            while (Peek is { Kind: TokenKind.Or } or)
            {
                _index++;
                if (Peek is null or { Kind: TokenKind.RParen or TokenKind.Or })
                    throw new QuerySyntaxException($"The OR at position {or.Position + 1} needs a word after it, like putin OR xi.");
                children.Add(ParseAnd(scope));
            }
            return children.Count == 1 ? children[0] : new OrNode(children);
        }

        private QueryNode ParseAnd(QueryScope scope)
        {
            var children = new List<QueryNode>();
            while (Peek is { } token && token.Kind is not (TokenKind.RParen or TokenKind.Or))
            {
                if (token.Kind == TokenKind.And) { _index++; continue; }
                children.Add(ParseUnary(scope));
            }
            if (children.Count == 0)
            {
                var at = Peek is { } t ? $" at position {t.Position + 1}" : " at the end";
                var what = Peek is { Kind: TokenKind.Or } ? "OR needs a word before it" : "there is nothing to search for";
                throw new QuerySyntaxException($"The query has an empty part{at}: {what}. Add words or remove the operator or parentheses.");
            }
            return children.Count == 1 ? children[0] : new AndNode(children);
        }

        private QueryNode ParseUnary(QueryScope scope)
        {
            if (Peek is { Kind: TokenKind.Not } not)
            {
                _index++;
                if (Peek is null or { Kind: TokenKind.RParen or TokenKind.Or or TokenKind.And or TokenKind.Not })
                    throw new QuerySyntaxException($"The exclusion at position {not.Position + 1} has nothing after it; write the word to leave out right after it, like -sanctions.");
                return new NotNode(ParsePrimary(scope));
            }
            return ParsePrimary(scope);
        }

        private QueryNode ParsePrimary(QueryScope scope)
        {
            var token = tokens[_index++];
            switch (token.Kind)
            {
                case TokenKind.LParen:
                {
                    if (++_depth > MaxDepth)
                        throw new QuerySyntaxException($"The query nests parentheses more than {MaxDepth} deep; simplify it.");
                    if (Peek is { Kind: TokenKind.RParen })
                        throw new QuerySyntaxException($"The parentheses at position {token.Position + 1} are empty; put words inside or remove them.");
                    var inner = ParseOr(scope);
                    if (Peek is not { Kind: TokenKind.RParen })
                        throw new QuerySyntaxException($"The '(' at position {token.Position + 1} is never closed; add a ')' after the words it groups.");
                    _index++;
                    _depth--;
                    return inner;
                }
                case TokenKind.Scope:
                {
                    if (scope != QueryScope.Any && scope != token.Scope)
                        throw new QuerySyntaxException($"'{token.Text}:' at position {token.Position + 1} is inside another field scope; use one scope per group.");
                    if (Peek is null or { Kind: not (TokenKind.Word or TokenKind.Phrase or TokenKind.LParen) })
                        throw new QuerySyntaxException($"'{token.Text}:' needs a value right after the colon, like {token.Text}:{Example(token.Scope)}.");
                    return ParsePrimary(token.Scope);
                }
                case TokenKind.Word: return new WordNode(token.Text, scope, token.Prefix);
                case TokenKind.Phrase: return new PhraseNode(token.Text, scope);
                case TokenKind.RParen:
                    throw new QuerySyntaxException($"The ')' at position {token.Position + 1} has no matching '('; remove it or add a '(' before it.");
                default:
                    throw new QuerySyntaxException($"'{token.Text}' at position {token.Position + 1} is an operator and needs words on both sides.");
            }
        }
    }
}
