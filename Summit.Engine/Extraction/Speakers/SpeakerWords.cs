namespace Summit.Engine.Extraction.Speakers;

/// <summary>The speaker rules' own word lists, from Words/*.txt (embedded resources), read once; the shared ones are in <see cref="Lexicon"/>.</summary>
internal static class SpeakerWords
{
    public static readonly HashSet<string> ClauseOpeners = WordList.Set("clause-openers.txt");
    public static readonly HashSet<string> FunctionWords = WordList.Set("function-words.txt");
    public static readonly HashSet<string> NotDescriptors = WordList.Set("not-descriptors.txt");
    public static readonly HashSet<string> ClauseStarters = WordList.Set("subject-clause-starters.txt");
    public static readonly HashSet<string> SubjectBreakers = WordList.Set("subject-breakers.txt");
    public static readonly HashSet<string> TimeWords = WordList.Set("time-words.txt");
    public static readonly HashSet<string> DescriptionWords = WordList.Set("description-words.txt");
    public static readonly HashSet<string> NounishWords = WordList.Set("subject-nounish.txt");
    public static readonly HashSet<string> IndefiniteWords = WordList.Set("indefinite-subjects.txt");
    public static readonly HashSet<string> AdjectivesBeforeNoun = WordList.Set("adjectives-before-noun.txt");
    public static readonly HashSet<string> Subordinators = WordList.Set("subordinators.txt");
    public static readonly HashSet<string> SpeechNouns = WordList.Set("speech-nouns.txt");
    public static readonly HashSet<string> SentenceConjunctions = WordList.Set("sentence-conjunctions.txt");
    public static readonly HashSet<string> ClauseContinuers = WordList.Set("clause-continuers.txt");
    public static readonly HashSet<string> AfterVerbWords = WordList.Set("after-verb-words.txt");
    public static readonly HashSet<string> NounMarkers = WordList.Set("noun-markers.txt");
    public static readonly HashSet<string> ContinuingParticiples = WordList.Set("continuing-participles.txt");
    public static readonly HashSet<string> InvertedSubjectEnders = WordList.Set("inverted-subject-enders.txt");
    public static readonly HashSet<string> BackVerbs = WordList.Set("back-verbs.txt");
    public static readonly HashSet<string> ParticiplePrepositions = WordList.Set("participle-prepositions.txt");
    public static readonly HashSet<string> JudgingWords = WordList.Set("judging-words.txt");
    public static readonly HashSet<string> RelativePronouns = WordList.Set("relative-pronouns.txt");
    public static readonly HashSet<string> ObjectOpeners = WordList.Set("object-openers.txt");
    public static readonly HashSet<string> FewNumerals = WordList.Set("few-numerals.txt");
    public static readonly HashSet<string> PhrasePrepositions = WordList.Set("phrase-prepositions.txt");
    public static readonly HashSet<string> AdverbsNotSources = WordList.Set("adverbs-not-sources.txt");
    public static readonly HashSet<string> CapitalisedSources = WordList.Set("capitalised-sources.txt");
    public static readonly HashSet<string> BeforeSubjectWords = WordList.Set("before-subject-words.txt");
    public static readonly HashSet<string> ClauseConjunctions = WordList.Set("clause-conjunctions.txt");
    public static readonly HashSet<string> OfficeRoles = WordList.Set("office-roles.txt");
    public static readonly HashSet<string> OfficeModifiers = WordList.Set("office-modifiers.txt");
    public static readonly HashSet<string> AgentRoles = WordList.Set("agent-roles.txt");
    public static readonly HashSet<string> Honorifics = WordList.Set("honorifics.txt");
    public static readonly HashSet<string> RolePrepositions = WordList.Set("role-prepositions.txt");
}
