namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// How far the speaker rules look, in tokens unless said otherwise. Each window bounds a scan by what the rule it serves
/// can reach, and keeps texts without punctuation or line breaks linear.
/// </summary>
internal static class SpeakerWindows
{
    // "Former U.S. Secretary of State Hillary Clinton said": a subject phrase is a name with its titles, not a clause.
    public const int MaxSubjectTokens = 9;
    // "… "how the system is rigged," and "…" and "…"": a list of partial quotes is short; a bounded walk back keeps a
    // megabyte of "…" and "…" linear.
    public const int MaxListQuotes = 12;
    // The look-back over a quote's sentence (or the one before) for its attribution or a pronoun's referent: the
    // length of an ordinary sentence; a megabyte "sentence" without punctuation must not make the scans quadratic.
    public const int SentenceLookBack = 80;
    // Longer sentences than this have no usable subject for a quote, and do not pass their reporter on to the next.
    public const int MaxOrdinarySentenceTokens = 80;
    // A person opening a sentence is looked for in its first clause and subject ("In his assessment, Calderon …").
    public const int OpeningSubjectTokens = 30;
    // "…," Scott Pruitt, the attorney general of Oklahoma, said: room after a quote for a subject with an appositive.
    public const int AttributionAfterTokens = 25;
    // "…?" Graham asked.: after a quote that ended its sentence, only a short subject and a verb still belong to it.
    public const int AttributionAfterSentenceEndTokens = 13;
    // A quote closed by its own full stop is followed only by a short "X said." of its own.
    public const int AttributionAfterFullStopTokens = 4;
    // A quote ending mid-sentence is attributed forward only when the attribution follows at once, not another clause.
    public const int AttributionMidClauseTokens = 5;
    // "…!" Rep. Glenn Thompson, R-Pa., said: the reporting verb after a person's appositive, in a new sentence.
    public const int AppositiveVerbTokens = 20;
    // "…" for the EU, said Geert Wilders: the clause continuing the quote before an inverted ", said X".
    public const int InvertedAfterClauseTokens = 12;
    // "“…” would be appropriate, Carson said.": the rest of a reported clause after a partial quote, up to its ", X said".
    public const int TrailingAttributionTokens = 40;
    // "X, a spokeswoman for Y, which represents Z, said": how far back the comma opening an appositive or a relative
    // clause may be; a relative clause ("Michael Seaman, who lives in …, said") runs longer than an appositive.
    public const int MaxRelativeClauseTokens = 40;
    // "Hugh Hill, a doctor at the clinic, said": an appositive (no relative pronoun) longer than this is another clause.
    public const int MaxAppositiveTokens = 15;
    // "Rep. John Mica (R-Fla.) said": the party/state tag in parentheses between a name and its verb.
    public const int MaxParenthesisTokens = 10;
    // The person named last before a quote in its own paragraph: a paragraph without line breaks stays linear.
    public const int ParagraphPersonLookBack = 200;
    // "…, Henry Crespo, president of the caucus." before "…," he said: a paragraph's worth of look-back.
    public const int ParagraphLookBack = 400;
    // The earlier subjects of reporting verbs (sources, not tokens) a he/she is matched against, so that a text of a
    // thousand "he said" stays linear.
    public const int SourcesLookBack = 200;
    // With no source or last speaker that fits, he/she is the nearest person named before it, within a long article.
    public const int PersonLookBack = 5000;
    // "X said in a statement." / "X told reporters Monday.": the short tail after a reporting verb that ends a sentence.
    public const int ReportingTailTokens = 6;
    // “…” ― Jane Doe: a name signing a quote after a dash is a few capitalised words, not a sentence.
    public const int MaxSignatureWords = 4;
    // "a German user from Hanover going by the handle …": the head of a long source phrase is enough to name it.
    public const int MaxSourceHeadTokens = 6;
    // "an angry Hollande", "a defiant Trump": lowercase words between an article and the person it introduces.
    public const int MaxAdjectivesAfterArticle = 2;
    // "He said, 'We have to win,'" X said: closing marks of inner quotes looked through for the outer quote's punctuation.
    public const int MaxInnerClosingMarks = 2;
    // "Rep.", "Sen.", "Dr.": personal titles stacked before a name ("Rep. Dr. …"), at most this many.
    public const int MaxTitles = 3;
    // "…, noted NBC's Dante Chinni": an outlet before a possessive is a name of a few capitalised words.
    public const int MaxOutletWords = 3;
    // "On Thursday, after remaining neutral, Warren endorsed …": opening phrases skipped, each up to its comma.
    public const int MaxOpeningPhrases = 3;
    // "X, a spokeswoman for Y, which represents Z, said": appositives or relative clauses between a subject and its verb.
    public const int MaxAppositives = 2;
    // "Smith Barney, Harris Upham and Co said": the firm's name before a legal form, over a wrapped line.
    public const int MaxFirmNameTokens = 8;
    // In characters: "U.S.", "Sen." and "R-Pa." — a word this short before a full stop or hyphen is an abbreviation in a name.
    public const int MaxAbbreviationLength = 3;
}
