using System.Globalization;
using System.Text.RegularExpressions;

namespace Summit.Engine.Articles;

/// <summary>A wire dateline at the start of a body, such as <c>Moscow (AFP) - </c>.</summary>
/// <param name="Length">Characters of the body the dateline occupies, including the dash and following spaces.</param>
public sealed record Dateline(string Place, string? Source, int Length)
{
    // Place: one to four capitalised words (or an all-caps place), optionally followed by ", March 3" style
    // date text; then "(Agency)" and a dash. Anchored and bounded, so it cannot backtrack far.
    private static readonly Regex Pattern = new(
        @"\A\s{0,4}(?<place>\p{Lu}[\p{L}.'’-]{1,30}(?:[ ](?:(?:de|da|do|del|di|la|al|el|es|upon|on)[ ])?\p{Lu}[\p{L}.'’-]{1,30}){0,3})"
        + @"(?:,[ ][\p{L}\p{N} .,]{1,30}?)?"
        + @"(?:[ ]?\((?<source>[\p{L}\p{N}][\p{L}\p{N}&./ -]{0,30})\))?"
        + @"[ ]?[-–—]{1,2}[ ]+",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(200));

    /// <summary>Finds a dateline at the start of <paramref name="body"/>; null when there is none.
    /// Without an agency in parentheses only an all-caps place counts (<c>WASHINGTON - </c>), so ordinary
    /// sentences that start with a name and a dash are left alone.</summary>
    public static Dateline? Parse(string body)
    {
        Match match;
        try
        {
            match = Pattern.Match(body.Length > 200 ? body[..200] : body);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!match.Success) return null;

        var place = match.Groups["place"].Value;
        var source = match.Groups["source"].Success ? match.Groups["source"].Value.Trim() : null;
        var isUpper = place.Any(char.IsLetter) && place.Where(char.IsLetter).All(char.IsUpper);
        if (source is null && !isUpper) return null;
        if (isUpper) place = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(place.ToLowerInvariant());
        return new Dateline(place, source, match.Length);
    }
}
