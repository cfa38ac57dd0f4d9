namespace Summit.Engine.Extraction;

/// <summary>Classifies quotation-mark characters.</summary>
internal static class QuoteMarks
{
    public static bool IsQuoteChar(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB'
        or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\'';

    public static bool IsDoubleOpen(char c) => c is '\u201C' or '\u201E' or '\u201F' or '\u00AB';
    public static bool IsDoubleClose(char c) => c is '\u201D' or '\u00BB';
    public static bool IsSingleOpen(char c) => c is '\u2018' or '\u201A' or '\u201B' or '\u2039';
    public static bool IsSingleClose(char c) => c is '\u2019' or '\u203A';
}
