using System.Globalization;

namespace Summit.Search.Api.Endpoints;

/// <summary>Collects plain-language problems with query-string values, per parameter.</summary>
internal sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public bool HasError(string parameter) => _errors.ContainsKey(parameter);

    public void Add(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var list)) _errors[parameter] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>All messages in one sentence list, for the ProblemDetails <c>detail</c>.</summary>
    public string Detail => string.Join(" ", _errors.SelectMany(e => e.Value));

    public int Int(string parameter, string? value, int fallback, int min, int max, string? hint = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            Add(parameter, $"'{parameter}' must be a whole number between {min} and {max}; got '{Shorten(value)}'.");
            return fallback;
        }
        if (number < min || number > max)
        {
            Add(parameter, $"'{parameter}' must be between {min} and {max}; got {number}.{(hint is null ? "" : " " + hint)}");
            return fallback;
        }
        return number;
    }

    public double Double(string parameter, string? value, double fallback, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)
            || number < min || number > max)
        {
            Add(parameter, $"'{parameter}' must be a number between {min} and {max}; got '{Shorten(value)}'.");
            return fallback;
        }
        return number;
    }

    /// <summary>Years a date parameter may name; the end of the last one (the start of 9999) is still representable.</summary>
    public const int MinYear = 1, MaxYear = 9998;

    /// <summary>
    /// A date as yyyy, yyyy-MM, yyyy-MM-dd or a full ISO 8601 timestamp (UTC unless an offset is given), in years
    /// <see cref="MinYear"/>–<see cref="MaxYear"/> for <c>from</c> and <c>to</c> alike. With <paramref name="endOfPeriod"/>
    /// the result is the exclusive end of the period: <c>to=2021</c> includes all of 2021.
    /// </summary>
    public DateTimeOffset? Date(string parameter, string? value, bool endOfPeriod)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        try
        {
            if (ParseDate(text) is not var (start, end))
            {
                Add(parameter, $"'{parameter}' must be a date like 2023-03-21 (or 2023-03, 2023, or 2023-03-21T10:00:00Z); got '{Shorten(value)}'.");
                return null;
            }
            if (start.UtcDateTime.Year is >= MinYear and <= MaxYear) return endOfPeriod ? end(start) : start;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A timestamp whose offset moves it outside the representable range.
        }
        Add(parameter, $"'{parameter}' must be a date in the years {MinYear:D4} to {MaxYear}; got '{Shorten(value)}'.");
        return null;
    }

    /// <summary>The start of the period <paramref name="text"/> names and how to reach its (exclusive) end.</summary>
    private static (DateTimeOffset Start, Func<DateTimeOffset, DateTimeOffset> End)? ParseDate(string text)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, styles, out var year))
            return (new DateTimeOffset(year, TimeSpan.Zero), d => d.AddYears(1));
        if (DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var month))
            return (new DateTimeOffset(month, TimeSpan.Zero), d => d.AddMonths(1));
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day))
            return (new DateTimeOffset(day, TimeSpan.Zero), d => d.AddDays(1));
        if (text.Length >= 10 && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return (instant, d => d.AddTicks(1));
        return null;
    }

    public void DateOrder(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && f >= t)
            Add("to", "'from' must be earlier than 'to'.");
    }

    public T? Choice<T>(string parameter, string? value, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var (name, choice) in choices)
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)) return choice;
        Add(parameter, $"'{parameter}' must be one of {string.Join(", ", choices.Keys)}; got '{Shorten(value)}'.");
        return null;
    }

    /// <summary>Drops blanks, trims, and rejects absurdly many or long values.</summary>
    public IReadOnlyList<string> Values(string parameter, string[]? values)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct().ToList();
        if (list.Count > 50) Add(parameter, $"At most 50 '{parameter}' values can be combined; got {list.Count}.");
        if (list.Any(v => v.Length > 200)) Add(parameter, $"A '{parameter}' value is longer than 200 characters.");
        return list;
    }

    /// <summary>A single-valued parameter given more than once (<c>q=a&amp;q=b</c>) is an error, never searched as "a,b".</summary>
    public void Single(IQueryCollection query, IEnumerable<string> parameters)
    {
        foreach (var parameter in parameters)
            if (query.TryGetValue(parameter, out var values) && values.Count > 1)
                Add(parameter, $"'{parameter}' takes one value; it was given {values.Count} times.");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
