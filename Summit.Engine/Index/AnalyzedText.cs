using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Summit.Engine.Index;

/// <summary>
/// A text split into its folded, lowercased words once, for all the fields that index it: a text field and its
/// exact twin (and a quote's four fields: the article's <see cref="SummitSchema.Quote"/> pair and the quote
/// document's <see cref="SummitSchema.QuoteText"/> pair). Tokenising, folding and lowercasing once per field took 9 % of
/// indexing CPU; once per text, 5 %. Given to a field as its reader, it is replayed by <see cref="Replay"/>, the source of
/// every text field's chain in <see cref="SummitSchema.CreateIndexAnalyzer"/>; the words, positions and offsets are
/// those the query-time analyzer makes of the same text.
/// </summary>
internal sealed class AnalyzedText : TextReader
{
    /// <summary>Ints per word in <see cref="_words"/>: start in <see cref="_chars"/>, length, start offset, end offset,
    /// position increment.</summary>
    private const int Stride = 5;

    private char[] _chars;
    private int _charCount;
    private int[] _words;
    private int _wordCount;
    /// <summary>Offset and position increment after the last word, as the tokenizer's <c>End</c> sets them.</summary>
    private int _finalOffset, _finalIncrement;

    // Sized for the text (Add grows them when folding lengthens words, "ß" to "ss"): English has a word per 6 characters.
    private AnalyzedText(int textLength)
    {
        _chars = new char[Math.Max(16, textLength)];
        _words = new int[Stride * Math.Max(4, textLength / 6)];
    }

    /// <summary>Splits <paramref name="text"/> with <see cref="SummitSchema.ExactWords"/> (the shared head of the
    /// stemmed and exact chains).</summary>
    public static AnalyzedText Of(string text)
    {
        var analyzed = new AnalyzedText(text.Length);
        using var stream = SummitSchema.ExactWords.GetTokenStream(SummitSchema.BodyExact, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            analyzed.Add(term.Buffer, term.Length, offset.StartOffset, offset.EndOffset, increment.PositionIncrement);
        stream.End();
        analyzed._finalOffset = offset.EndOffset;
        analyzed._finalIncrement = increment.PositionIncrement;
        return analyzed;
    }

    private void Add(char[] buffer, int length, int start, int end, int increment)
    {
        if (_charCount + length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
        Array.Copy(buffer, 0, _chars, _charCount, length);
        var at = _wordCount * Stride;
        if (at + Stride > _words.Length) Array.Resize(ref _words, _words.Length * 2);
        _words[at] = _charCount;
        _words[at + 1] = length;
        _words[at + 2] = start;
        _words[at + 3] = end;
        _words[at + 4] = increment;
        _charCount += length;
        _wordCount++;
    }

    // Only Replay reads it, word by word: another tokenizer reading characters would index nothing without a word.
    public override int Read() => throw NotReplayed();
    public override int Read(char[] buffer, int index, int count) => throw NotReplayed();

    private static InvalidOperationException NotReplayed() =>
        new("Text split into words is indexed with SummitSchema.CreateIndexAnalyzer, not read as characters.");

    // A field's tokenizer disposes its reader when done, and the same words serve the next field.
    protected override void Dispose(bool disposing) { }

    /// <summary>
    /// Emits an <see cref="AnalyzedText"/>'s words. Reused per field and thread like any tokenizer; the chain after it
    /// (possessives, stop words, stemming) runs as at query time.
    /// </summary>
    internal sealed class Replay : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private AnalyzedText? _text;
        private int _next;

        public Replay(TextReader input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            _text = m_input as AnalyzedText ?? throw new InvalidOperationException(
                "A text field is indexed from its words (AnalyzedText, as ArticleDocuments makes them), not from a string or reader.");
            _next = 0;
        }

        public override bool IncrementToken()
        {
            var text = _text!;
            if (_next >= text._wordCount) return false;
            ClearAttributes();
            var at = _next++ * Stride;
            _term.CopyBuffer(text._chars, text._words[at], text._words[at + 1]);
            _offset.SetOffset(text._words[at + 2], text._words[at + 3]);
            _increment.PositionIncrement = text._words[at + 4];
            return true;
        }

        public override void End()
        {
            base.End();
            var text = _text!;
            _offset.SetOffset(text._finalOffset, text._finalOffset);
            _increment.PositionIncrement = text._finalIncrement;
        }
    }
}
