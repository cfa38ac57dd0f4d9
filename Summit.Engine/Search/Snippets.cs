using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>What to mark in text: stemmed terms, phrases (stemmed terms with relative positions), prefixes and
/// words within an edit distance (both compared with the lower-cased surface word).</summary>
public sealed class HighlightTerms
{
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
    public List<(string Term, int Position)[]> Phrases { get; } = [];
    public List<string> Prefixes { get; } = [];
    public List<(string Word, int Edits)> Fuzzy { get; } = [];

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0 && Prefixes.Count == 0 && Fuzzy.Count == 0;

    /// <summary>Collects the words and phrases of a query that make a document match (excluded words are not marked).</summary>
    public static HighlightTerms From(QueryNode? query, Analyzer analyzer, bool typoTolerant)
    {
        var terms = new HighlightTerms();
        foreach (var leaf in QuerySyntax.PositiveLeaves(query))
        {
            var (text, scope, prefix) = leaf switch
            {
                WordNode w => (w.Text, w.Scope, w.Prefix),
                PhraseNode p => (p.Text, p.Scope, false),
                _ => ("", QueryScope.Any, false),
            };
            if (scope is not (QueryScope.Any or QueryScope.Title or QueryScope.Quote)) continue;
            if (prefix)
            {
                terms.Prefixes.Add(TextFolding.Fold(text));
                continue;
            }
            var tokens = Snippets.Analyze(analyzer, text);
            if (tokens.Count == 1) terms.Terms.Add(tokens[0].Term);
            else if (tokens.Count > 1)
                terms.Phrases.Add(tokens.Select(t => (t.Term, t.Position - tokens[0].Position)).ToArray());
            if (typoTolerant && leaf is WordNode && QueryBuilder.AllowedEdits(text) is > 0 and var edits)
                terms.Fuzzy.Add((TextFolding.Fold(text), edits));
        }
        return terms;
    }
}

/// <summary>
/// Sentence passages around query matches. The text is HTML-escaped and only <c>&lt;mark&gt;</c> is added, so a
/// snippet can be inserted into a page as HTML.
/// </summary>
public static class Snippets
{
    public const int MaxPassageChars = 280;
    /// <summary>Snippets look for matches in this much of a body; beyond it a huge article costs no more.</summary>
    public const int MaxAnalyzedChars = 100_000;

    public readonly record struct Token(string Term, int Position, int Start, int End);

    public static List<Token> Analyze(Analyzer analyzer, string text)
    {
        var tokens = AnalyzeRange(analyzer, text, new Range(0, text.Length), out var chars);
        var list = new List<Token>(tokens.Length);
        foreach (var t in tokens) list.Add(new Token(new string(chars, t.TermAt, t.TermLength), t.Position, t.Start, t.End));
        return list;
    }

    /// <summary>Up to <paramref name="max"/> sentences with the most matches, in text order; the article's lead
    /// (<see cref="Lead"/>) when nothing in the text matches (the document matched on a facet field).</summary>
    public static IReadOnlyList<string> Passages(string text, HighlightTerms terms, Analyzer analyzer, int max = 3) =>
        Passages(text, terms, analyzer, posted: null, max: max);

    /// <param name="posted">The text's marks as its postings give them (<see cref="PostedMarks"/>), or null to
    /// find them by analysing the sentences.</param>
    /// <param name="cut">The text's sentences as the index stores them (<see cref="SummitSchema.BodySentences"/>), or
    /// null to cut the text here.</param>
    internal static IReadOnlyList<string> Passages(string text, HighlightTerms terms, Analyzer analyzer, List<Range>? posted,
        IReadOnlyList<(int Start, int End)>? cut = null, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var analyzed = text.Length > MaxAnalyzedChars ? text[..MaxAnalyzedChars] : text;
        // Stored sentences are those of the whole text; a text cut for analysis ends in a sentence of its own.
        if (analyzed.Length != text.Length) cut = null;
        if (posted is not null) return PostedPassages(text, analyzed, posted, cut, max);
        var sentences = cut is not null ? cut.Select(s => new Range(s.Start, s.End)).ToList() : Sentences(analyzed);
        if (sentences.Count == 0) return [];
        // Sentence by sentence, so sentences that cannot match are never analysed: tokens never cross a sentence
        // boundary (it is whitespace), and phrase positions are relative, so the marks are the same as from the
        // whole text.
        var matching = new List<(Range Sentence, List<Range> Marks, int Words)>();
        for (var i = 0; i < sentences.Count && !terms.IsEmpty; i++)
            if (FindMarks(analyzed, sentences[i], terms, analyzer) is { Count: > 0 } marks) matching.Add((sentences[i], marks, DistinctWords(text, marks)));
        return Best(text, matching, max) is { Count: > 0 } best ? best : [Render(text, Lead(analyzed, sentences), [])];
    }

    /// <summary>
    /// The passages of marks read from the postings. Only the lines holding a mark are cut into sentences, as the
    /// whole text would be cut there (<see cref="SentenceSplitter.SplitLine"/>), and when nothing matched, the lines
    /// of the lead; cutting every hit's whole body was a tenth of a plain search. With the sentences the index
    /// stores (<paramref name="cut"/>), those of the line are taken instead: a sentence never crosses a line break.
    /// </summary>
    private static IReadOnlyList<string> PostedPassages(string text, string analyzed, List<Range> posted, IReadOnlyList<(int Start, int End)>? cut, int max)
    {
        IEnumerable<(int Start, int End)> SentencesOfLine(int lineStart, int lineEnd) =>
            cut is null ? SentenceSplitter.SplitLine(analyzed, lineStart, lineEnd) : StoredSentencesOfLine(cut, lineStart, lineEnd);
        var matching = new List<(Range Sentence, List<Range> Marks, int Words)>();
        var next = 0;
        while (next < posted.Count && posted[next].End <= analyzed.Length)
        {
            var lineStart = analyzed.LastIndexOf('\n', posted[next].Start) + 1;
            var lineEnd = analyzed.IndexOf('\n', posted[next].Start) is var end and >= 0 ? end : analyzed.Length;
            foreach (var (start, stop) in SentencesOfLine(lineStart, lineEnd))
            {
                var sentence = new Range(start, stop);
                if (Within(posted, sentence, ref next) is { Count: > 0 } marks) matching.Add((sentence, marks, DistinctWords(text, marks)));
            }
            while (next < posted.Count && posted[next].Start < lineEnd) next++;
        }
        if (Best(text, matching, max) is { Count: > 0 } best) return best;
        var lead = new List<Range>();
        for (var lineStart = 0; lineStart < analyzed.Length && lead.Count < LeadSearchSentences;)
        {
            var lineEnd = analyzed.IndexOf('\n', lineStart) is var end and >= 0 ? end : analyzed.Length;
            lead.AddRange(SentencesOfLine(lineStart, lineEnd).Select(s => new Range(s.Start, s.End)));
            lineStart = lineEnd + 1;
        }
        return lead.Count == 0 ? [] : [Render(text, Lead(analyzed, lead), [])];
    }

    /// <summary>The stored sentences (in text order) that lie in the line [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private static IEnumerable<(int Start, int End)> StoredSentencesOfLine(IReadOnlyList<(int Start, int End)> sentences, int start, int end)
    {
        var (low, high) = (0, sentences.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sentences[middle].Start < start) low = middle + 1;
            else high = middle;
        }
        for (var i = low; i < sentences.Count && sentences[i].End <= end; i++) yield return sentences[i];
    }

    /// <summary>The best <paramref name="max"/> of the matching sentences, rendered in text order (none when none
    /// match; the caller shows the lead). Best first: the most different marked words (case aside), then the most
    /// marks, then the earliest.</summary>
    private static IReadOnlyList<string> Best(string text, List<(Range Sentence, List<Range> Marks, int Words)> matching, int max)
    {
        matching.Sort((a, b) => a.Words != b.Words ? b.Words.CompareTo(a.Words)
            : a.Marks.Count != b.Marks.Count ? b.Marks.Count.CompareTo(a.Marks.Count) : a.Sentence.Start.CompareTo(b.Sentence.Start));
        var kept = Math.Max(0, max);
        if (matching.Count > kept) matching.RemoveRange(kept, matching.Count - kept);
        matching.Sort((a, b) => a.Sentence.Start.CompareTo(b.Sentence.Start));
        return matching.Select(x => Render(text, x.Sentence, x.Marks)).ToList();
    }

    /// <summary>How many different words (lower-cased) the marks cover.</summary>
    private static int DistinctWords(string text, List<Range> marks)
    {
        if (marks.Count == 1) return 1;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mark in marks) words.Add(text[mark.Start..mark.End].ToLowerInvariant());
        return words.Count;
    }

    /// <summary>The whole text escaped with its matches marked; <paramref name="matches"/> counts them.</summary>
    public static string Highlight(string text, HighlightTerms terms, Analyzer analyzer, out int matches)
    {
        var marks = Marks(text, terms, analyzer);
        matches = marks.Count;
        return Highlight(text, marks);
    }

    /// <summary>The marks <see cref="Highlight(string, HighlightTerms, Analyzer, out int)"/> puts into the text, in text order.</summary>
    internal static List<Range> Marks(string text, HighlightTerms terms, Analyzer analyzer) =>
        terms.IsEmpty ? [] : FindMarks(text, new Range(0, text.Length), terms, analyzer);

    /// <summary>
    /// The marks of the part [<paramref name="start"/>, <paramref name="end"/>) of a text, with offsets into that part,
    /// taken from the whole text's marks (by start, as <see cref="PostedMarks"/> gives them): what analysing the part
    /// alone finds, since tokens and phrases a mark covers lie within the part. A mark across its edge is not the part's.
    /// </summary>
    internal static List<Range> MarksOfPart(List<Range> marks, int start, int end)
    {
        var next = 0;
        while (next < marks.Count && marks[next].Start < start) next++;
        var within = Within(marks, new Range(start, end), ref next);
        for (var i = 0; i < within.Count; i++) within[i] = new Range(within[i].Start - start, within[i].End - start);
        return within;
    }

    /// <summary>The whole text escaped with the given marks (in text order, not overlapping).</summary>
    internal static string Highlight(string text, List<Range> marks)
    {
        var sb = new StringBuilder(text.Length + marks.Count * 13);
        var at = 0;
        foreach (var mark in marks)
        {
            Escape(sb, text, at, mark.Start);
            sb.Append("<mark>");
            Escape(sb, text, mark.Start, mark.End);
            sb.Append("</mark>");
            at = mark.End;
        }
        Escape(sb, text, at, text.Length);
        return sb.ToString();
    }

    /// <summary>Escapes text for HTML element content and attribute values.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        Escape(sb, text, 0, text.Length);
        return sb.ToString();
    }

    private static void Escape(StringBuilder sb, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
    }

    internal readonly record struct Range(int Start, int End);

    /// <summary>Marks within <paramref name="range"/> of the text, with offsets into the whole text.</summary>
    private static List<Range> FindMarks(string text, Range range, HighlightTerms terms, Analyzer analyzer)
    {
        if (CannotMatch(text, range, terms)) return [];
        var tokens = AnalyzeRange(analyzer, text, range, out var chars);
        ReadOnlySpan<char> Term(in TermToken token) => chars.AsSpan(token.TermAt, token.TermLength);
        var exact = terms.Terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var marks = new List<Range>();
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (exact.Contains(Term(token)) || (terms.Prefixes.Count + terms.Fuzzy.Count > 0 && SurfaceMatches(terms, TextFolding.Fold(text[token.Start..token.End]))))
                marks.Add(new Range(token.Start, token.End));
            foreach (var phrase in terms.Phrases)
            {
                if (!Term(token).SequenceEqual(phrase[0].Term)) continue;
                var end = MatchPhrase(tokens, chars, i, phrase);
                if (end >= 0) marks.Add(new Range(token.Start, tokens[end].End));
            }
        }
        return Merge(marks);
    }

    /// <summary>The marks of one sentence among a text's marks (by start), from <paramref name="next"/> on, which
    /// moves past them; merged as <see cref="FindMarks"/> merges them. A mark across the sentence's edge is not the
    /// sentence's: analysing the sentence alone would not find it.</summary>
    private static List<Range> Within(List<Range> marks, Range sentence, ref int next)
    {
        var within = new List<Range>();
        while (next < marks.Count && marks[next].Start < sentence.End)
        {
            if (marks[next].Start >= sentence.Start && marks[next].End <= sentence.End) within.Add(marks[next]);
            next++;
        }
        return Merge(within);
    }

    /// <summary>Marks in text order, overlapping ones (a word inside a marked phrase) merged into one.</summary>
    internal static List<Range> Merge(List<Range> marks)
    {
        SortByStart(marks);
        var merged = new List<Range>(marks.Count);
        foreach (var mark in marks)
        {
            if (merged.Count > 0 && mark.Start < merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, mark.End) };
            else merged.Add(mark);
        }
        return merged;
    }

    /// <summary>Marks by start, the longest first among those starting together.</summary>
    internal static void SortByStart(List<Range> marks) =>
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

    /// <summary>True when the folded surface word starts with a prefix of the query or is within the edits of a typo word.</summary>
    private static bool SurfaceMatches(HighlightTerms terms, string surface)
    {
        foreach (var prefix in terms.Prefixes)
            if (surface.StartsWith(prefix, StringComparison.Ordinal)) return true;
        foreach (var (word, edits) in terms.Fuzzy)
            if (IsNear(word, edits, surface)) return true;
        return false;
    }

    /// <summary>True when the folded surface word is within <paramref name="edits"/> of the (folded) typo word.</summary>
    internal static bool IsNear(string word, int edits, string surface) =>
        Math.Abs(word.Length - surface.Length) <= edits && EditDistance(word, surface) <= edits;

    /// <summary>An analysed token of <see cref="AnalyzeRange"/>: its term is chars [TermAt, TermAt + TermLength) of
    /// the thread's term buffer, its offsets are into the whole text.</summary>
    private readonly record struct TermToken(int TermAt, int TermLength, int Position, int Start, int End);

    // Marking analyses every candidate sentence of every hit: the tokens and their terms go into buffers each thread
    // reuses instead of a list and a string per token, which were most of a search's garbage.
    [ThreadStatic] private static TermToken[]? t_tokens;
    [ThreadStatic] private static char[]? t_termChars;

    /// <summary>The tokens of the range as <see cref="Analyze"/> gives them, in the thread's buffers (valid until the next call).</summary>
    private static ReadOnlySpan<TermToken> AnalyzeRange(Analyzer analyzer, string text, Range range, out char[] chars)
    {
        var tokens = t_tokens ??= new TermToken[256];
        chars = t_termChars ??= new char[2048];
        var (count, used) = (0, 0);
        using var stream = analyzer.GetTokenStream(SummitSchema.Body, range.Start == 0 && range.End == text.Length ? text : text[range.Start..range.End]);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (count == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
            while (used + term.Length > chars.Length) Array.Resize(ref chars, chars.Length * 2);
            term.Buffer.AsSpan(0, term.Length).CopyTo(chars.AsSpan(used));
            tokens[count++] = new TermToken(used, term.Length, position, offset.StartOffset + range.Start, offset.EndOffset + range.Start);
            used += term.Length;
        }
        stream.End();
        // A huge text's buffers are not kept.
        (t_tokens, t_termChars) = (tokens.Length > MaxKeptTokens ? null : tokens, chars.Length > MaxKeptTokens * 8 ? null : chars);
        return tokens.AsSpan(0, count);
    }

    /// <summary>A thread keeps its token buffers unless a very long text grew them past this.</summary>
    private const int MaxKeptTokens = 1 << 16;

    /// <summary>
    /// True when no word of plain ASCII text can analyse to a marked term, so running the analyzer is wasted. A
    /// term is lower-cased surface text with a suffix rewritten by the Porter stemmer (at most its last three
    /// letters are new, e.g. happy → happi, rating → rate), so a word yielding it contains the term minus those
    /// letters; a typo word needs a word near it (<see cref="MayBeNear"/>). Non-ASCII text (folded by the analyzer)
    /// and prefixes are always analysed.
    /// </summary>
    private static bool CannotMatch(string text, Range range, HighlightTerms terms)
    {
        if (terms.Prefixes.Count > 0) return false;
        var span = text.AsSpan(range.Start, range.End - range.Start);
        if (!System.Text.Ascii.IsValid(span)) return false;
        foreach (var term in terms.Terms)
            if (Contains(span, term)) return false;
        foreach (var phrase in terms.Phrases)
            if (Contains(span, phrase[0].Term)) return false;
        foreach (var (word, edits) in terms.Fuzzy)
            if (MayBeNear(span, word, edits)) return false;
        return true;

        static bool Contains(ReadOnlySpan<char> text, string term) =>
            !System.Text.Ascii.IsValid(term) || text.Contains(term.AsSpan(0, Math.Max(1, term.Length - 3)), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// False when no word of the ASCII text can be within <paramref name="edits"/> of <paramref name="word"/> (folded):
    /// a word that close keeps at least all but that many of its letters, and a token's letters are letters of the
    /// whitespace-delimited chunk it comes from, so some chunk must hold that many of the word's letters. A word with
    /// other characters than ASCII letters and digits is always looked for.
    /// </summary>
    private static bool MayBeNear(ReadOnlySpan<char> text, string word, int edits)
    {
        var needed = word.Length - edits;
        if (needed <= 0 || !word.All(char.IsAsciiLetterOrDigit)) return true;
        Span<int> letters = stackalloc int[128];
        foreach (var c in word) letters[c]++;
        Span<int> left = stackalloc int[128];
        foreach (var chunk in text.SplitAny(" \t\r\n\f\v"))
        {
            var part = text[chunk];
            if (part.Length < needed) continue;
            letters.CopyTo(left);
            var common = 0;
            foreach (var c in part)
            {
                var lower = char.ToLowerInvariant(c);
                if (lower < 128 && left[lower] > 0)
                {
                    left[lower]--;
                    if (++common >= needed) return true;
                }
            }
        }
        return false;
    }

    /// <summary>The last token of the phrase starting at token <paramref name="first"/>, or -1. As the index matches a
    /// phrase: every word at its position relative to the first, so where the query's analysis dropped a word (a stop
    /// word, "rate of inflation") any word of the text may stand ("rates, more inflation").</summary>
    private static int MatchPhrase(ReadOnlySpan<TermToken> tokens, char[] chars, int first, (string Term, int Position)[] phrase)
    {
        var basePosition = tokens[first].Position;
        var k = first;
        for (var p = 1; p < phrase.Length; p++)
        {
            var position = basePosition + phrase[p].Position;
            while (k + 1 < tokens.Length && tokens[k + 1].Position <= position) k++;
            if (tokens[k].Position != position || !chars.AsSpan(tokens[k].TermAt, tokens[k].TermLength).SequenceEqual(phrase[p].Term))
                return -1;
        }
        return k;
    }

    /// <summary>Edits between two words, two neighbouring letters swapped counting as one, as the typo search
    /// counts them (<see cref="FuzzyExpansions"/>: "presidnet" is one edit from "president").</summary>
    internal static int EditDistance(string a, string b)
    {
        // Three rows: a swap looks two rows back.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }

    /// <summary>The sentences of the text, cut by the engine's one splitter (the one extraction uses).</summary>
    private static List<Range> Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => new Range(s.Start, s.End)).ToList();

    /// <summary>How far into an article the lead is looked for.</summary>
    private const int LeadSearchSentences = 12;

    /// <summary>A lead has at least this many words: shorter lines open transcripts ("Can you put on your earpiece?").</summary>
    private const int LeadMinWords = 8;

    /// <summary>
    /// The article's lead: its first sentence of prose, skipping what a body often opens with that is not news — a
    /// dateline or venue line ("Beijing, People's Republic of China", "Oval Office", "2:45 P.M. EST"), a heading in
    /// capitals ("THE WHITE HOUSE"), an editor's note in brackets. The first sentence when none looks like prose.
    /// </summary>
    internal static Range Lead(string text, List<Range> sentences)
    {
        foreach (var sentence in sentences.Take(LeadSearchSentences))
            if (IsProse(text.AsSpan(sentence.Start, sentence.End - sentence.Start))) return sentence;
        return sentences[0];
    }

    private static bool IsProse(ReadOnlySpan<char> sentence)
    {
        if (sentence.Length == 0 || sentence[0] is '[' or '(' or '{') return false;
        var last = sentence.TrimEnd("\"'\u201D\u2019)\u00BB").TrimEnd();
        if (last.Length == 0 || last[^1] is not ('.' or '!' or '?' or '\u2026')) return false;
        int words = 0, lower = 0, upper = 0;
        var inWord = false;
        foreach (var c in sentence)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c)) lower++; else if (char.IsUpper(c)) upper++;
                if (!inWord) words++;
                inWord = true;
            }
            else if (c is not ('\'' or '\u2019' or '-')) inWord = false;
        }
        return words >= LeadMinWords && lower > upper;
    }

    private static string Render(string text, Range sentence, List<Range> marks)
    {
        var (start, end) = (sentence.Start, sentence.End);
        if (end - start > MaxPassageChars)
        {
            // Long sentence: a window starting a little before the first match, cut at word boundaries.
            var anchor = marks.Count > 0 ? marks[0].Start : start;
            start = Math.Max(start, anchor - 80);
            while (start > sentence.Start && !char.IsWhiteSpace(text[start - 1])) start--;
            end = Math.Min(end, start + MaxPassageChars);
            while (end < sentence.End && !char.IsWhiteSpace(text[end])) end++;
        }
        var sb = new StringBuilder();
        if (start > sentence.Start) sb.Append('…');
        var at = start;
        foreach (var mark in marks)
        {
            if (mark.Start < at || mark.End > end) continue;
            Escape(sb, text, at, mark.Start);
            sb.Append("<mark>");
            Escape(sb, text, mark.Start, mark.End);
            sb.Append("</mark>");
            at = mark.End;
        }
        Escape(sb, text, at, end);
        if (end < sentence.End) sb.Append('…');
        return sb.ToString();
    }
}
