using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "The Tory leader said": a speaker the rules found as a role description is the person the article names in that
/// role ("Tory leader Michael Howard", "Michael Howard, the Tory leader,", "the chief executive, Jane Smith,") when
/// exactly one person of the article holds it. A role held matches a description when it has the same head noun and
/// every modifier of the description ("the president" is "US President Joe Biden"; "the Tory leader" is not "Labour
/// leader Tony Blair"), and no office modifier the description lacks ("the president" is not "Vice President …",
/// "the minister" not "Prime Minister …"). A possessor written lowercase ("the company's chief executive") is the
/// article's own subject and adds nothing; a named one ("Vodafone's") must match. A bare "spokesman" speaks for
/// someone the description does not name, so it resolves to nobody. The roles are read once per article, when a
/// description first asks.
/// </summary>
internal sealed class RoleHolders(TextDocument doc, Person?[] personAt)
{
    // "Conservative Party leader Michael Howard": the words of a role written before a name.
    public const int MaxWordsBefore = 5;
    // "Michael Howard, the leader of the Conservative Party,": a role in apposition after a name.
    public const int MaxAppositiveTokens = 10;
    // "the chief executive, Sir Howard Newby": honorifics between a role and the name, at most this many.
    public const int MaxHonorifics = 2;

    private List<(string Head, HashSet<string> Words, string Person)>? _roles;
    private readonly Dictionary<string, string?> _holderOf = new(StringComparer.Ordinal);

    /// <summary>The one person of the article in the role the description names, or null.</summary>
    public string? HolderOf(string description)
    {
        if (_holderOf.TryGetValue(description, out var known)) return known;
        string? holder = null;
        if (Parse(description) is (var head, var words, var modifiers))
        {
            _roles ??= Read();
            foreach (var role in _roles)
            {
                if (role.Head != head || !role.Words.IsSupersetOf(modifiers) || role.Words.Any(w => OfficeModifiers.Contains(w) && !words.Contains(w)))
                    continue;
                if (holder != null && holder != role.Person)
                {
                    holder = null; // two persons in the role: the description says which, and we cannot tell
                    break;
                }
                holder = role.Person;
            }
        }
        return _holderOf[description] = holder;
    }

    /// <summary>
    /// A description's head noun (an office), all its words and the modifiers a holder's role must have, lowercased:
    /// "Tory leader" → (leader, {tory}); "leader of the Conservative Party" → (leader, {conservative, party});
    /// null for anything else (a name, a plural, "36-year-old").
    /// </summary>
    private static (string Head, HashSet<string> Words, HashSet<string> Modifiers)? Parse(string description)
    {
        var words = new List<string>();
        foreach (var raw in description.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw;
            var possessive = w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal);
            if (possessive) w = w[..^2];
            if (w.Length == 0 || !w.All(char.IsLetter)) return null;
            // "the company's chief executive": a common noun's role is the article's subject's.
            if (possessive && char.IsLower(w[0]))
            {
                words.Clear();
                continue;
            }
            if (!Lexicon.Determiners.Contains(w)) words.Add(w.ToLowerInvariant());
        }
        var of = words.FindIndex(w => RolePrepositions.Contains(w));
        var headAt = (of < 0 ? words.Count : of) - 1;
        if (headAt < 0 || !OfficeRoles.Contains(words[headAt])) return null;
        // "founder of Grassroots Media": the role's words, as a role held is read, without its prepositions.
        var modifiers = words.Where((w, i) => i != headAt && !RolePrepositions.Contains(w) && !FunctionWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        if (modifiers.Count == 0 && AgentRoles.Contains(words[headAt])) return null;
        return (words[headAt], words.ToHashSet(StringComparer.Ordinal), modifiers);
    }

    /// <summary>Every role the article gives a person next to one of its mentions, in order.</summary>
    private List<(string Head, HashSet<string> Words, string Person)> Read()
    {
        var roles = new List<(string, HashSet<string>, string)>();
        var n = doc.Tokens.Count;
        for (var t = 0; t < n; t++)
        {
            if (personAt[t] is not { } person || t > 0 && personAt[t - 1] == person) continue;
            var end = t;
            while (end < n && personAt[end] == person) end++;
            // "the chief executive, Jane Smith,": a role before a comma names the person when the name ends its
            // clause, and the role is not itself the previous person's ("Michael Howard, the Tory leader, Charles Kennedy").
            var k = t - 1;
            while (k >= 0 && t - k <= MaxHonorifics && doc.IsWord(k) && Honorifics.Contains(doc[k])) k--; // "…, Sir Howard Newby"
            var comma = doc.IsPunct(k, ',');
            if (RoleBefore(comma ? k - 1 : k) is (var head, var words, var from)
                && (!comma || (end >= n || !doc.IsWord(end)) && !AppositiveOfPerson(from)))
                roles.Add((head, words, person.Name));
            if (doc.IsPunct(end, ',') && RoleAfter(end + 1) is (var head2, var words2)) roles.Add((head2, words2, person.Name));
        }
        return roles;
    }

    /// <summary>"Tory leader Michael Howard", "President Joe Biden": a role noun right before the name, with the words before it.</summary>
    /// <remarks>Also gives the token before the role's words (a determiner is skipped).</remarks>
    private (string Head, HashSet<string> Words, int Before)? RoleBefore(int k)
    {
        if (!doc.IsWord(k) || personAt[k] != null || !OfficeRoles.Contains(doc[k].ToLowerInvariant())) return null;
        var head = doc[k].ToLowerInvariant();
        var words = new HashSet<string>(StringComparer.Ordinal) { head };
        for (k--; k >= 0 && words.Count < MaxWordsBefore; k--)
        {
            if (doc.Is(k, TokenKind.Possessive) || doc.IsPunct(k, '-')) continue; // "Vodafone's chief executive", "vice-president"
            // A name's words are kept: "ex-Conservative chancellor" stays a former one when "Conservative" is read as a name.
            if (!doc.IsWord(k) || FunctionWords.Contains(doc[k]) || Lexicon.Determiners.Contains(doc[k])) break;
            words.UnionWith(doc[k].ToLowerInvariant().Split('-', StringSplitOptions.RemoveEmptyEntries)); // "ex-Conservative"
        }
        if (doc.IsWord(k) && Lexicon.Determiners.Contains(doc[k])) k--;
        return (head, words, k);
    }

    /// <summary>"Michael Howard, the Tory leader, …": the role's words follow a person's name and a comma.</summary>
    private bool AppositiveOfPerson(int before) => doc.IsPunct(before, ',') && before > 0 && personAt[before - 1] != null;

    /// <summary>"…, the Tory leader,", "…, chief executive of Acme,": a role in apposition after the name, from token k.</summary>
    private (string Head, HashSet<string> Words)? RoleAfter(int k)
    {
        if (doc.IsWord(k) && Lexicon.Determiners.Contains(doc[k])) k++;
        var words = new List<string>();
        string? head = null;
        var stop = Math.Min(doc.Tokens.Count, k + MaxAppositiveTokens);
        for (; k < stop; k++)
        {
            if (doc.Is(k, TokenKind.Possessive) || doc.IsPunct(k, '-')) continue;
            // The appositive ends at punctuation or a relative clause; "Condoleezza Rice, the prime minister said" is a new clause.
            if (!doc.IsWord(k) || personAt[k] != null || RelativePronouns.Contains(doc[k])) break;
            var w = doc[k].ToLowerInvariant();
            if (head == null && RolePrepositions.Contains(w))
            {
                if (words.Count == 0) return null;
                head = words[^1];
            }
            else if (!Lexicon.Determiners.Contains(w) && !FunctionWords.Contains(w)) words.Add(w);
            else if (head == null) return null; // "…, and the leader": another clause, not an appositive
        }
        if (k == stop && stop < doc.Tokens.Count || k < stop && personAt[k] != null) return null; // no end in sight, or a name
        head ??= words.Count > 0 ? words[^1] : null;
        return head != null && OfficeRoles.Contains(head) ? (head, words.ToHashSet(StringComparer.Ordinal)) : null;
    }
}
