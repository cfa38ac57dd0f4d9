using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Summit.Engine.Search;

/// <summary>
/// A <see cref="PhraseQuery"/> that finds and scores exactly the same documents (the same weight, the same phrase
/// frequency, so the same floats) but takes its terms' states from <see cref="TermStates"/>. Lucene's own phrase
/// weight looks every term up in every segment again for each request, a fifth of a phrase search's time, and
/// its exact scorer allocates two 16 KB tables per field and segment; a request runs a phrase over six fields
/// (and a two-word search its proximity boost over three). Phrases whose sloppy match would need Lucene's handling
/// of a repeated term stay Lucene's (<see cref="Supports"/>).
/// </summary>
internal sealed class CachedPhraseQuery : Query
{
    private readonly TermStates _states;
    private readonly string _field;
    private readonly Term[] _terms;
    private readonly int[] _positions;
    private readonly int _slop;

    public CachedPhraseQuery(TermStates states, PhraseQuery phrase)
    {
        if (!Supports(phrase)) throw new ArgumentException($"'{phrase}' needs Lucene's phrase query", nameof(phrase));
        _states = states;
        _terms = phrase.GetTerms();
        _positions = phrase.GetPositions();
        _field = _terms[0].Field;
        _slop = phrase.Slop;
        Boost = phrase.Boost;
    }

    /// <summary>Phrases of two or more words; a sloppy one only when no word repeats (Lucene then takes a path
    /// of its own for the repeats).</summary>
    public static bool Supports(PhraseQuery phrase)
    {
        var terms = phrase.GetTerms();
        return terms.Length >= 2 && (phrase.Slop == 0 || terms.Distinct().Count() == terms.Length);
    }

    /// <summary>Each word's place in the phrase, in the order of its terms.</summary>
    public IReadOnlyList<int> Positions => _positions;

    public int Slop => _slop;

    public override Weight CreateWeight(IndexSearcher searcher) => new PhraseStatesWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.UnionWith(_terms);

    public override string ToString(string field)
    {
        var words = new string?[_positions.Max() + 1];
        for (var i = 0; i < _terms.Length; i++)
            words[_positions[i]] = words[_positions[i]] is { } other ? $"{other}|{_terms[i].Text}" : _terms[i].Text;
        var prefix = _field == field ? "" : _field + ":";
        var slop = _slop == 0 ? "" : $"~{_slop}";
        return $"{prefix}\"{string.Join(' ', words.Select(w => w ?? "?"))}\"{slop}{ToStringUtils.Boost(Boost)}";
    }

    public override bool Equals(object? obj) =>
        obj is CachedPhraseQuery other && other.Boost.Equals(Boost) && other._slop == _slop
        && other._terms.SequenceEqual(_terms) && other._positions.SequenceEqual(_positions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(_slop);
        foreach (var term in _terms) hash.Add(term);
        foreach (var position in _positions) hash.Add(position);
        return hash.ToHashCode();
    }

    /// <summary>Lucene's phrase weight (<c>PhraseQuery.PhraseWeight</c>), with the term states from the cache.</summary>
    internal sealed class PhraseStatesWeight : Weight
    {
        private readonly CachedPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext[] _contexts;

        public PhraseStatesWeight(CachedPhraseQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            var top = searcher.TopReaderContext;
            _contexts = new TermContext[query._terms.Length];
            var statistics = new TermStatistics[query._terms.Length];
            for (var i = 0; i < query._terms.Length; i++)
            {
                var term = query._terms[i];
                // The cache belongs to the reader the query was built for; another searcher looks its terms up itself.
                var cached = query._states.Get(term);
                _contexts[i] = cached.TopReaderContext == top ? cached : TermContext.Build(top, term);
                statistics[i] = searcher.TermStatistics(term, _contexts[i]);
            }
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query._field), statistics);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (context.AtomicReader.GetTerms(_query._field) is not { } fieldTerms) return null;
            var termsEnum = fieldTerms.GetEnumerator();
            var terms = _query._terms;
            var postings = new PhrasePostings[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                // No state: the term is not in this segment, so neither is the phrase.
                if (_contexts[i].Get(context.Ord) is not { } state) return null;
                termsEnum.SeekExact(terms[i].Bytes, state);
                var positions = termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                    ?? throw new InvalidOperationException($"field '{_query._field}' was indexed without positions; it cannot be searched for phrases");
                postings[i] = new PhrasePostings(positions, termsEnum.DocFreq, _query._positions[i], terms[i]);
            }
            var simScorer = _similarity.GetSimScorer(_stats, context);
            if (_query._slop > 0) return new SloppyPhraseScorer(this, postings, _query._slop, simScorer);
            // The rarest word leads, as in Lucene's exact phrase scorer (ties by position, then term).
            Array.Sort(postings, static (a, b) => a.DocFreq != b.DocFreq ? a.DocFreq.CompareTo(b.DocFreq)
                : a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Term.CompareTo(b.Term));
            return new ExactPhraseScorer(this, postings, simScorer);
        }

        /// <summary>Occurrences of the phrase's <paramref name="word"/>-th term in the whole index.</summary>
        internal long TotalTermFreq(int word) => _contexts[word].TotalTermFreq;

        /// <summary>How this phrase scores a document of the segment from its phrase frequency.</summary>
        internal Similarity.SimScorer SimScorer(AtomicReaderContext context) => _similarity.GetSimScorer(_stats, context);

        /// <summary>Each term's documents with its frequency in them (no positions), in the order of the query's
        /// terms; null when a term is not in the segment, so neither is the phrase.</summary>
        internal DocsEnum[]? TermDocs(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (context.AtomicReader.GetTerms(_query._field) is not { } fieldTerms) return null;
            var termsEnum = fieldTerms.GetEnumerator();
            var docs = new DocsEnum[_query._terms.Length];
            for (var i = 0; i < docs.Length; i++)
            {
                if (_contexts[i].Get(context.Ord) is not { } state) return null;
                termsEnum.SeekExact(_query._terms[i].Bytes, state);
                docs[i] = termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS);
            }
            return docs;
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is PhraseScorer scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer.PhraseFrequency;
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, "phraseFreq=" + freq));
                var result = new ComplexExplanation(true, score.Value, $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    internal readonly record struct PhrasePostings(DocsAndPositionsEnum Positions, int DocFreq, int Offset, Term Term);

    /// <summary>Documents holding every word (led by the first postings), of which those where the phrase
    /// frequency is above zero match.</summary>
    internal abstract class PhraseScorer(Weight weight, PhrasePostings[] postings, Similarity.SimScorer simScorer) : Scorer(weight)
    {
        protected readonly DocsAndPositionsEnum[] Positions = [.. postings.Select(p => p.Positions)];
        protected readonly int[] Offsets = [.. postings.Select(p => p.Offset)];
        protected readonly Similarity.SimScorer SimScorer = simScorer;
        private int _doc = -1;

        /// <summary>The phrase frequency of the current document, as the score reads it.</summary>
        public float PhraseFrequency { get; private set; }

        /// <summary>How often the word at <paramref name="offset"/> in the phrase occurs in the current document.</summary>
        public int TermFreqAt(int offset)
        {
            for (var i = 0; i < Offsets.Length; i++)
                if (Offsets[i] == offset) return Positions[i].Freq;
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "no word of the phrase stands there");
        }

        /// <summary>The phrase frequency of the document every postings stands on; 0 when the phrase is not there.</summary>
        protected abstract float PhraseFreq();

        public override int DocID => _doc;

        public override float GetScore() => SimScorer.Score(_doc, PhraseFrequency);

        public override int NextDoc() => Match(Positions[0].NextDoc());

        public override int Advance(int target) => Match(Positions[0].Advance(target));

        public override long GetCost() => Positions[0].GetCost();

        private int Match(int doc)
        {
            while (doc != NO_MORE_DOCS)
            {
                var onAll = true;
                for (var i = 1; i < Positions.Length; i++)
                {
                    var other = Positions[i].DocID;
                    if (other < doc) other = Positions[i].Advance(doc);
                    if (other == doc) continue;
                    if (other == NO_MORE_DOCS) return _doc = NO_MORE_DOCS;
                    doc = Positions[0].Advance(other);
                    onAll = false;
                    break;
                }
                if (!onAll) continue;
                _doc = doc;
                if ((PhraseFrequency = PhraseFreq()) > 0) return doc;
                doc = Positions[0].NextDoc();
            }
            return _doc = NO_MORE_DOCS;
        }
    }

    /// <summary>The number of places where every word stands at its offset from the phrase's start, as Lucene's
    /// exact phrase scorer counts them (a start before the document's first position does not count).</summary>
    private sealed class ExactPhraseScorer(Weight weight, PhrasePostings[] postings, Similarity.SimScorer simScorer)
        : PhraseScorer(weight, postings, simScorer)
    {
        private readonly int[] _left = new int[postings.Length];
        private readonly int[] _start = new int[postings.Length];

        public override int Freq => (int)PhraseFrequency;

        protected override float PhraseFreq()
        {
            for (var i = 0; i < Positions.Length; i++)
            {
                _left[i] = Positions[i].Freq;
                _start[i] = int.MinValue;
            }
            int count = 0, target = 0;
            while (true)
            {
                var aligned = true;
                for (var i = 0; i < Positions.Length; i++)
                {
                    var start = _start[i];
                    while (start < target)
                    {
                        if (_left[i]-- == 0) return count;
                        start = Positions[i].NextPosition() - Offsets[i];
                    }
                    _start[i] = start;
                    if (start > target)
                    {
                        target = start;
                        aligned = false;
                        break;
                    }
                }
                if (aligned)
                {
                    count++;
                    target++;
                }
            }
        }
    }

    /// <summary>
    /// Lucene's sloppy phrase frequency for words that do not repeat (<c>SloppyPhraseScorer</c> without its repeat
    /// groups): walk the words' phrase positions from the least, and add the slop factor of each shortest span
    /// within the slop. The queue orders by position, then offset, then word, as Lucene's does, so the spans and
    /// the order they are added in (and the sum's float) are the same.
    /// </summary>
    private sealed class SloppyPhraseScorer(Weight weight, PhrasePostings[] postings, int slop, Similarity.SimScorer simScorer)
        : PhraseScorer(weight, postings, simScorer)
    {
        private readonly int[] _left = new int[postings.Length];
        private readonly int[] _position = new int[postings.Length];
        // Word indexes in queue order, the least first; a phrase has a few words, so a sorted array serves.
        private readonly int[] _queue = new int[postings.Length];
        private int _queued;
        private int _end;
        private int _matches;

        public override int Freq => _matches;

        protected override float PhraseFreq()
        {
            _end = int.MinValue;
            _queued = 0;
            for (var i = 0; i < Positions.Length; i++)
            {
                _left[i] = Positions[i].Freq;
                NextPosition(i);
                Enqueue(i);
            }
            var freq = 0f;
            _matches = 0;
            var word = Dequeue();
            var matchLength = _end - _position[word];
            var next = _position[_queue[0]];
            while (NextPosition(word))
            {
                if (_position[word] > next)
                {
                    if (matchLength <= slop)
                    {
                        freq += SimScorer.ComputeSlopFactor(matchLength);
                        _matches++;
                    }
                    Enqueue(word);
                    word = Dequeue();
                    next = _position[_queue[0]];
                    matchLength = _end - _position[word];
                }
                else
                {
                    matchLength = Math.Min(matchLength, _end - _position[word]);
                }
            }
            if (matchLength <= slop)
            {
                freq += SimScorer.ComputeSlopFactor(matchLength);
                _matches++;
            }
            return freq;
        }

        private bool NextPosition(int word)
        {
            if (_left[word]-- <= 0) return false;
            _position[word] = Positions[word].NextPosition() - Offsets[word];
            _end = Math.Max(_end, _position[word]);
            return true;
        }

        private bool Less(int a, int b) =>
            _position[a] != _position[b] ? _position[a] < _position[b]
            : Offsets[a] != Offsets[b] ? Offsets[a] < Offsets[b]
            : a < b;

        private void Enqueue(int word)
        {
            var at = _queued++;
            while (at > 0 && Less(word, _queue[at - 1]))
            {
                _queue[at] = _queue[at - 1];
                at--;
            }
            _queue[at] = word;
        }

        private int Dequeue()
        {
            var least = _queue[0];
            Array.Copy(_queue, 1, _queue, 0, --_queued);
            return least;
        }
    }
}
