using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Summit.Engine.Search;

/// <summary>
/// Where a query's words and phrases occur in one text field of a hit, read from the field's postings, which keep
/// each token's position and offsets for this. It gives the marks <see cref="Snippets"/> would find by analysing the
/// stored text again (the index analysed that same text with the same analyzer), without the analysis, which was
/// most of a snippet's cost. A misspelt word is marked where the words its typo search matched stand, when their
/// surface text is within the word's edits, as analysis compares it. Words matched by prefix are compared with the
/// surface text of every word, which postings do not hold, so a query with one is marked by analysis
/// (<see cref="For"/> gives null). One instance per request and reader; not thread-safe.
/// </summary>
internal sealed class PostedMarks
{
    private readonly IndexReader _reader;
    private readonly string _field;
    private readonly HighlightTerms _terms;
    // Every stemmed term wanted (single words, phrase words and the stems of typo matches), with its per-segment states.
    private readonly (string Text, BytesRef Bytes, TermContext States)[] _wanted;
    // Each misspelt word with its edits and the stems of the words its typo search matched (those not marked anyway).
    private readonly (string Word, int Edits, string[] Stems)[] _typos;
    private readonly Dictionary<string, List<Occurrence>> _occurrences = new(StringComparer.Ordinal);
    // Reused from hit to hit within a segment: an enumerator with offsets holds a dozen buffers.
    private readonly Dictionary<int, (TermsEnum Terms, DocsAndPositionsEnum? Postings)> _enums = [];

    private readonly record struct Occurrence(int Position, int Start, int End);

    private PostedMarks(IndexReader reader, string field, HighlightTerms terms, Analyzer? analyzer, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? typoMatches)
    {
        (_reader, _field, _terms) = (reader, field, terms);
        var states = TermStates.For(reader);
        _typos = [.. terms.Fuzzy.Select(f => (f.Word, f.Edits, typoMatches![f.Word]
            .SelectMany(match => Snippets.Analyze(analyzer!, match).Select(t => t.Term))
            .Where(stem => !terms.Terms.Contains(stem)).Distinct(StringComparer.Ordinal).ToArray()))];
        _wanted = [.. terms.Terms.Concat(terms.Phrases.SelectMany(p => p.Select(t => t.Term))).Concat(_typos.SelectMany(t => t.Stems))
            .Distinct(StringComparer.Ordinal).Select(t => (t, new BytesRef(t), states.Get(new Term(field, t))))];
    }

    /// <summary>The marker of <paramref name="field"/> for these terms; null when they must be marked by analysis, or
    /// when there is nothing to mark (a browse shows the lead).</summary>
    /// <param name="analyzer">The field's analyzer, which gives the stems of <paramref name="typoMatches"/>.</param>
    /// <param name="typoMatches">For each misspelt word of <paramref name="terms"/> (folded, as in
    /// <see cref="HighlightTerms.Fuzzy"/>), the words its typo search matched in the field's unstemmed twin.</param>
    public static PostedMarks? For(IndexReader reader, string field, HighlightTerms terms, Analyzer? analyzer = null,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? typoMatches = null) =>
        terms.IsEmpty || terms.Prefixes.Count > 0
        || (terms.Fuzzy.Count > 0 && (analyzer is null || typoMatches is null || !terms.Fuzzy.All(f => typoMatches.ContainsKey(f.Word))))
            ? null
            : new PostedMarks(reader, field, terms, analyzer, typoMatches);

    /// <summary>The marks in the field of document <paramref name="doc"/> (of the whole reader), whose text the
    /// field stores as <paramref name="stored"/>, by start, not merged, as <see cref="Snippets"/> finds them; null
    /// when that segment's postings have no offsets.</summary>
    internal List<Snippets.Range>? Marks(int doc, string stored)
    {
        var leaves = _reader.Leaves;
        var leafIndex = ReaderUtil.SubIndex(doc, leaves);
        var leaf = leaves[leafIndex];
        if (!_enums.TryGetValue(leafIndex, out var enums))
        {
            if (leaf.AtomicReader.GetTerms(_field) is not { HasOffsets: true } fieldTerms) return null;
            enums = (fieldTerms.GetEnumerator(), null);
        }
        var local = doc - leaf.DocBase;
        _occurrences.Clear();
        foreach (var (text, bytes, states) in _wanted)
        {
            if (states.Get(leafIndex) is not { } state) continue;
            enums.Terms.SeekExact(bytes, state);
            enums.Postings = enums.Terms.DocsAndPositions(null, enums.Postings, DocsAndPositionsFlags.OFFSETS);
            if (enums.Postings is null || enums.Postings.Advance(local) != local) continue;
            var list = new List<Occurrence>(enums.Postings.Freq);
            for (var i = enums.Postings.Freq; i > 0; i--)
            {
                var position = enums.Postings.NextPosition();
                list.Add(new Occurrence(position, enums.Postings.StartOffset, enums.Postings.EndOffset));
            }
            _occurrences[text] = list;
        }
        _enums[leafIndex] = enums;

        var marks = new List<Snippets.Range>();
        foreach (var term in _terms.Terms)
            if (_occurrences.TryGetValue(term, out var found))
                foreach (var o in found) marks.Add(new Snippets.Range(o.Start, o.End));
        foreach (var phrase in _terms.Phrases)
        {
            if (!_occurrences.TryGetValue(phrase[0].Term, out var firsts)) continue;
            foreach (var first in firsts)
                if (PhraseEnd(first.Position, phrase) is { } end) marks.Add(new Snippets.Range(first.Start, end));
        }
        // A stem of a typo match stands for every word with that stem ("governments", "government's"): only those
        // near the misspelt word are marked, as analysis marks them.
        foreach (var (word, edits, stems) in _typos)
            foreach (var stem in stems)
                if (_occurrences.TryGetValue(stem, out var found))
                    foreach (var o in found)
                        if (o.End <= stored.Length && Snippets.IsNear(word, edits, TextFolding.Fold(stored[o.Start..o.End])))
                            marks.Add(new Snippets.Range(o.Start, o.End));
        Snippets.SortByStart(marks);
        return marks;
    }

    /// <summary>The end offset of the phrase whose first word is at <paramref name="position"/>, or null when some
    /// word of it is not at its place (positions the query's analysis dropped, stop words, may hold any word).</summary>
    private int? PhraseEnd(int position, (string Term, int Position)[] phrase)
    {
        var end = -1;
        for (var p = 1; p < phrase.Length; p++)
        {
            if (!_occurrences.TryGetValue(phrase[p].Term, out var found)) return null;
            var at = found.FindIndex(o => o.Position == position + phrase[p].Position);
            if (at < 0) return null;
            end = found[at].End;
        }
        return end;
    }
}
